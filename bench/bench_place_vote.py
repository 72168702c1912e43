"""What the actors stage's place vote costs (session 53, docs/actors.md round 38).

    python bench/bench_place_vote.py [--articles N] [--rounds R]

A text that names no state takes the country its place names point to
(``_State.place_country``); the vote runs the places stage's hand rules over the text's toponyms.
This parses LGL's first ``--articles`` articles once (local news: most name no state), then runs
the actors stage on the same parses with the vote on and off, alternated ``--rounds`` times, and
prints the CPU seconds of each side and their ratio. Text that names a state never asks for the
vote, so Wikinews pages cost nothing more.
"""

from __future__ import annotations

import argparse
import time

from diurna.actors import ActorResolver
from diurna.evaluate.gold import shared_dir
from diurna.evaluate.places import read_geo_xml
from diurna.language import Language
from diurna.model import Document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles = read_geo_xml(shared_dir() / "gold" / "geo" / "lgl.xml")[:args.articles]
    language = Language()
    docs = [language(Document(id=a.id, source=f"geo/lgl.xml#{a.id}", text=a.text))
            for a in articles]
    sides = {"on": ActorResolver(), "off": ActorResolver(use_places=False)}
    for resolver in sides.values():  # load the dictionary, the matcher and the gazetteer first
        for doc in docs[:5]:
            doc.mentions = []
            resolver(doc)
    cpu = dict.fromkeys(sides, 0.0)
    for r in range(args.rounds):
        for name in (("off", "on") if r % 2 == 0 else ("on", "off")):
            start = time.process_time()
            for doc in docs:
                doc.mentions = []
                sides[name](doc)
            cpu[name] += time.process_time() - start
    print(f"actors stage on {len(docs)} LGL articles x {args.rounds} rounds: place vote on "
          f"{cpu['on']:.2f} s, off {cpu['off']:.2f} s, ratio {cpu['on'] / cpu['off']:.2f}x "
          f"({(cpu['on'] - cpu['off']) / (len(docs) * args.rounds) * 1000:.1f} ms an article)")


if __name__ == "__main__":
    main()
