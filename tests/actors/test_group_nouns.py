"""Round 24c (docs/actors.md, "Round 24c"): group nouns of people that name no country take the
story's country, and a role phrase near a state named only in passing is read in the state the
story is set in. Sentences written for these tests; every expected code worked out by hand from
the rules in docs/actors.md."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.actors import ActorResolver
from diurna.model import Document

# (text, phrase, code): each failed on the tree before round 24c (checked)
MUST_CHANGE = [
    # a group noun with no country: the state of the sentence before
    ("Belgium's government fell on Monday. Several politicians criticised the decision.",
     "Several politicians", "BELPTY"),
    # employees: the sub-national place of the sentence before (Ohio, a US state)
    ("Workers at a car plant in Ohio went on strike. Some employees said the company had broken "
     "its promises.", "Some employees", "USALAB"),
    # the plural of a role already listed in the singular ("opposition leader")
    ("Kenya's president declared victory in Nairobi. Opposition leaders said the count was "
     "rigged.", "Opposition leaders", "KENOPP"),
    # France is named once, in passing; the story is set in Tunisia (Tunisia's x2, Tunis)
    ("Tunisia's president dissolved parliament. Tunisia's army deployed in Tunis. France said it "
     "was concerned, and the government imposed a curfew.", "the government", "TUNGOV"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # staff of an organisation the dictionary does not know: not the story's country
    # (round 25 added Blackwater to the dictionary; Triple Canopy, another contractor, is not in it)
    ("Triple Canopy employees opened fire in Baghdad. Iraq's government said Iraq would expel "
     "them.", "Triple Canopy employees", None),
    # France is named twice: the nearest state keeps the role phrase
    ("France's foreign minister visited Tunisia. Tunisia's president met him in Tunis, and "
     "Tunisia's army guarded the palace. France said it was pleased, and the government praised "
     "the talks.", "the government", "FRAGOV"),
    # "community" is not a group of one country's people ("the international community")
    ("The international community condemned the coup in Niger.", "The international community",
     None),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_group_noun_codes(resolve: Callable[[str], Document], resolver: ActorResolver,
                          text: str, phrase: str, code: str | None) -> None:
    doc = resolve(text)
    at = text.index(phrase)  # each phrase's first occurrence is the one meant
    m = resolver.resolve_span(doc, at, at + len(phrase))
    assert (m.actor.cameo if m is not None and m.actor is not None else None) == code
