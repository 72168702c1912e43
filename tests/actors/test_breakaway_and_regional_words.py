"""Round 31 (docs/actors.md, "Round 31"): words the dictionary lacked. Sentences written for
these tests; each expected code worked out by hand against docs/annotation-events.md and the
gold's convention:

- the post-Soviet breakaway states' adjectives and names: their side, forces and leaders are
  rebels of the state they broke from (GEOREB, as the gold codes "The Abkhaz side");
- regional and ethnic adjectives of one state ("Chechen", "Tibetan", "Uyghur"): that state;
- "challenger" in an election, like a candidate: a party member (PTY).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): all uncoded on the tree before round 31 (checked)
MUST_CHANGE = [
    ("The Abkhaz side rejected the plan.", "The Abkhaz side", "GEOREB"),
    ("Abkhaz forces shelled the gorge.", "Abkhaz forces", "GEOREB"),
    ("South Ossetian leader Alan Dzhioyev met the envoy.", "Alan Dzhioyev", "GEOREB"),
    ("Transnistrian officials closed the border.", "Transnistrian officials", "MDAREB"),
    ("Chechen rebels attacked a police post.", "Chechen rebels", "RUSREB"),
    ("Thousands of Tibetans protested in the capital.", "Thousands of Tibetans", "CHNCVL"),
    ("The Uyghur separatists are the biggest threat, Beijing said.", "The Uyghur separatists",
     "CHNREB"),
    ("Democratic Senate challenger James Corbin attacked the senator. |Corbin said more.",
     "Corbin", "USAPTY"),
]

# Round 32: Belgium's regional adjectives, as dev4's gold codes "Walloon Minister of Media X"
# and "the Flemish government" (BELGOV); each uncoded on e18ff59 (checked). "Fleming" is left out:
# it is a surname as often ("Ian Fleming")
MUST_CHANGE += [
    ("Walloon Minister of Media Anne Dupont said the show was fiction.", "Anne Dupont",
     "BELGOV"),
    ("The Flemish government rejected the plan.", "The Flemish government", "BELGOV"),
    ("Walloon workers went on strike.", "Walloon workers", "BELLAB"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    ("Ian Fleming wrote the book in Jamaica.", "Ian Fleming", None),
    ("Basque separatists set off a bomb in Madrid.", "Basque separatists", "ESPREB"),
    ("Georgian troops entered the town.", "Georgian troops", "GEOMIL"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_new_words_codes(phrase_code: Callable[[str, str], str | None], text: str, phrase: str,
                         code: str | None) -> None:
    assert phrase_code(text, phrase) == code
