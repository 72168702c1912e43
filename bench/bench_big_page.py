"""CPU time of the page stage on a page whose article is one enormous paragraph.

    python bench/bench_big_page.py [--mb 15]

Reads a synthetic HTML page (one ``<p>`` of ``--mb`` million characters of plain sentences)
with ``read_page`` after a small page has loaded the language model, and prints the CPU and
wall time and whether the text was kept whole. Before this round (issue #16): 8.4 s CPU for
15 MB on the shared machine; a page this size must be read in time linear in its size.
"""

from __future__ import annotations

import argparse
import time

from diurna.page import read_page
from diurna.page.inputs import RawInput

SENTENCE = "The council met again and the minister said talks would go on. "


def page(chars: int) -> tuple[bytes, str]:
    body = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars].strip()
    html = (
        "<html><head><title>Council talks</title></head><body><article>"
        f"<h1>Council talks</h1><p>{body}</p></article></body></html>"
    )
    return html.encode(), body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=15, help="paragraph size, millions of chars")
    args = parser.parse_args()
    small, _ = page(5000)
    read_page(RawInput(source="small.html", data=small, kind="html"))  # models loaded
    data, body = page(int(args.mb * 1_000_000))
    cpu, wall = time.process_time(), time.perf_counter()
    doc = read_page(RawInput(source="big.html", data=data, kind="html"))
    print(
        f"{len(body):,} characters in one paragraph: {time.process_time() - cpu:.1f} s CPU, "
        f"{time.perf_counter() - wall:.1f} s wall; text kept whole: {doc.text == body}"
    )


if __name__ == "__main__":
    main()
