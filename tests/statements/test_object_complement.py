"""An object statement's content is the verb's complement as printed (docs/annotation-quotes.md
§3: "accuse X of Y", "criticise X for Y"), whichever the verb: the prepositional or "as" phrase
after the object of a verb outside the object cues joins the object ("thanked Canada for its
contribution"), but not a time, a channel, nor anything when the object stands before the verb
(docs/quotes.md part 40; sentences written by us)."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes


def _offered(text: str, cue: str) -> list[str]:
    """The contents of the candidates at ``cue``, the learned check admitting every one."""
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    quotes = extract_quotes(doc, MentionFinder(doc, Statements()._resolver()),
                            check=lambda d, cands: [True] * len(cands))
    return [q.text for q in quotes if q.cue is not None and q.cue.text == cue]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The mayor thanked the firefighters for their courage.", "thanked",
     "the firefighters for their courage"),
    ("Critics see the treaty as a threat to national sovereignty.", "see",
     "the treaty as a threat to national sovereignty"),
    ("The senator attacked the governor for cutting school budgets.", "attacked",
     "the governor for cutting school budgets"),
    ("Organizers estimated the crowd at about 20,000.", "estimated", "the crowd at about 20,000"),
    ("Opposition leaders hailed the ruling as a victory for democracy.", "hailed",
     "the ruling as a victory for democracy"),
    ("The union blasted the ministry over the delays.", "blasted",
     "the ministry over the delays"),
])
def test_the_phrase_after_the_object_is_part_of_the_statement(text: str, cue: str,
                                                               content: str) -> None:
    assert _offered(text, cue) == [content]


def test_a_time_after_the_object_is_not_what_was_announced() -> None:
    assert _offered("The company announced the merger on Monday.", "announced") == ["the merger"]


def test_an_object_before_the_verb_pulls_in_no_speaker() -> None:
    contents = _offered("The ship was stopped in the waters, which the navy identified as "
                        "Iraqi territory.", "identified")
    assert not any("navy" in c for c in contents)


def test_a_channel_is_not_what_was_said() -> None:
    contents = _offered("The council thanked the volunteers at a press conference.", "thanked")
    assert not any("conference" in c for c in contents)
