"""Docs/quotes.md part 56: content bounds the read gold draws otherwise and quoted markup. The
writer's ", who …" background on a person named last in a noun's content; a second clause under
"will" or joined without a comma; an agentless "reportedly" / "allegedly" whose content starts
after the adverb (and a phrase it hedges); page markup in quotation marks. Each shape beside a
near neighbour that must not change. Sentences written by us."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from tests.statement_helpers import at_cue as _at
from tests.statement_helpers import quotes_of as _quotes

from diurna.statements.quotes import _coordinated_report


def _contents(text: str, cue: str) -> list[str]:
    return [q.text for q in _at(_quotes(text), cue)]


def test_background_on_a_person_after_a_noun_content_is_the_writers() -> None:
    text = ("The group issued a call for action against Francisco Franco, who ruled Spain "
            "from 1939 until his death.")
    assert _contents(text, "call") == ["for action against Francisco Franco"]


def test_a_restrictive_who_clause_stays_in_the_content() -> None:
    text = "The group issued a call for action against the officers who ruled the town."
    assert _contents(text, "call") == ["for action against the officers who ruled the town"]


def test_a_second_clause_under_will_is_more_of_the_announcement() -> None:
    text = ("The prime minister has announced that 150 soldiers will be serving in the region "
            "within two months, and a further 200 troops will follow them by early next year.")
    assert _contents(text, "announced") == [
        "150 soldiers will be serving in the region within two months, and a further 200 "
        "troops will follow them by early next year"]


def test_a_second_clause_without_a_modal_after_a_comma_stays_the_writers() -> None:
    text = ("The prime minister has announced that 150 soldiers will be serving in the region "
            "within two months, and the opposition criticised the plan.")
    assert _contents(text, "announced") == [
        "150 soldiers will be serving in the region within two months"]


def _indicated(comma: bool) -> Doc:
    """The parse the small model gave a read article's sentence, on our words: the second
    clause ("his doctors wanted …") hung on the cue verb, after a comma or not."""
    words = ["Jones", "indicated", "that", "he", "had", "infections", "since", "May",
             *([","] if comma else []), "and", "his", "doctors", "wanted", "him", "to", "rest",
             "."]
    shift = 1 if comma else 0
    heads = [1, 1, 4, 4, 1, 4, 4, 6, *([1] if comma else []), 1, 10 + shift, 11 + shift, 1,
             14 + shift, 14 + shift, 11 + shift, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "prep", "pobj",
            *(["punct"] if comma else []), "cc", "poss", "nsubj", "conj", "nsubj", "aux",
            "ccomp", "punct"]
    pos = ["PROPN", "VERB", "SCONJ", "PRON", "VERB", "NOUN", "ADP", "PROPN",
           *(["PUNCT"] if comma else []), "CCONJ", "PRON", "NOUN", "VERB", "PRON", "PART",
           "VERB", "PUNCT"]
    lemmas = ["Jones", "indicate", "that", "he", "have", "infection", "since", "May",
              *([","] if comma else []), "and", "his", "doctor", "want", "he", "to", "rest", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas)


def test_a_clause_joined_without_a_comma_is_more_of_the_report() -> None:
    doc = _indicated(comma=False)
    joined = _coordinated_report(doc[1], doc[7].idx + len(doc[7]), objective=False)
    assert joined is not None and joined.text == "wanted"


def test_a_clause_with_a_noun_subject_after_a_comma_is_not_joined() -> None:
    doc = _indicated(comma=True)
    assert _coordinated_report(doc[1], doc[7].idx + len(doc[7]), objective=False) is None


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Now the chancellor is reportedly resigning from politics.", "reportedly",
     "resigning from politics"),
    ("Two people were reportedly killed and 25 wounded in the blast.", "reportedly",
     "killed and 25 wounded in the blast"),
    ("The farmer was shot three times by his brother, allegedly over a property dispute.",
     "allegedly", "over a property dispute"),
])
def test_a_hedging_adverbs_content_starts_after_it(text: str, cue: str, content: str) -> None:
    assert _contents(text, cue) == [content]


def test_a_clause_after_a_comma_is_not_what_was_reported() -> None:
    text = "The minister reportedly resigned on Friday, and the police are investigating."
    assert _contents(text, "reportedly") == ["resigned on Friday"]


def test_a_phrase_without_a_hedge_is_no_statement() -> None:
    assert _quotes("The farmer was shot three times by his brother over a property dispute.") == []


def test_page_markup_in_quotation_marks_is_no_quote() -> None:
    assert _quotes('The page showed "> <td> <table align=" before the text.') == []


def test_a_quote_with_a_wiki_escape_stays_a_quote() -> None:
    text = ('The president said "<nowiki>[</nowiki>we will<nowiki>]</nowiki> be sending teams '
            'to the region to work with our partners" on Monday.')
    assert [q.kind for q in _at(_quotes(text), "said")] == ["direct"]


def test_background_on_the_person_after_an_announcements_content_is_the_writers() -> None:
    text = ("The army made an announcement that it had arrested Ahmed Farid, who led the group "
            "for ten years.")
    assert _contents(text, "announcement") == ["that it had arrested Ahmed Farid"]


def test_a_who_clause_with_a_claim_of_its_own_stays_in_the_content() -> None:
    text = ("The army made an announcement that it had arrested Ahmed Farid, who they claimed "
            "was the group's deputy leader.")
    assert _contents(text, "announcement") == [
        "that it had arrested Ahmed Farid, who they claimed was the group's deputy leader"]


def test_a_hedged_speech_verb_with_nothing_said_is_no_statement() -> None:
    assert _contents("The minister reportedly said at a news conference on Tuesday.",
                     "reportedly") == []


def test_a_hedged_speech_verb_with_its_clause_stays() -> None:
    assert _contents("The minister reportedly said that the plan would fail.", "reportedly") == [
        "said that the plan would fail"]
