"""The learned coder's post-processing (round 14), on hand-made decisions so that the checks do
not depend on the shipped weights: which classifier decisions are frames of another event,
which modes a demanded clause names, whose act an evaluation in a statement is, and one act
per clause. Each expected reading was checked by hand against docs/annotation-events.md."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import before_events

from diurna.events.coder import EventCoder
from diurna.events.learned import (
    acts_only,
    as_speakers_act,
    asked_for,
    asks_question,
    clause_mode,
    drop_frames,
    failed_act,
    inside_triggers,
    kind_of_act,
    one_act_per_clause,
    settled_types,
    told_again,
)
from diurna.events.tagger import rule_heads
from diurna.model import Document, Event


@pytest.fixture(scope="module")
def read_rules() -> Any:
    """One paragraph through the stages before the events stage (parse, actors, statements),
    with its parse kept."""
    return before_events


def _at(doc: Document, word: str) -> int:
    """The token index of the first token spelled ``word``."""
    return next(t.i for t in doc.nlp if t.text == word)


def _coder(doc: Document) -> Any:
    return EventCoder().doc_coder(doc)


def test_a_speech_verb_over_a_decided_clause_is_not_an_event(read_rules: Any) -> None:
    doc = read_rules("The coalition claimed that it had foiled an attack on the gas facility.")
    decided = {_at(doc, "claimed"): "ACCUSE", _at(doc, "foiled"): "ASSAULT",
               _at(doc, "attack"): "ASSAULT"}
    kept = drop_frames(doc, decided, {}, _coder(doc).onto)
    assert sorted(doc.nlp[i].text for i in kept) == ["attack", "foiled"]


def test_a_support_verb_of_another_type_goes_and_a_lexicon_trigger_stays(
        read_rules: Any) -> None:
    doc = read_rules("The army will launch another attack on the town.")
    decided = {_at(doc, "launch"): "THREATEN", _at(doc, "attack"): "ASSAULT"}
    kept = drop_frames(doc, decided, {}, _coder(doc).onto)
    assert [doc.nlp[i].text for i in kept] == ["attack"]
    # "condemn" is an ACCUSE trigger of the lexicon: the condemnation is an act of its own
    doc = read_rules("The United Nations condemned the attack on the embassy.")
    decided = {_at(doc, "condemned"): "ACCUSE", _at(doc, "attack"): "ASSAULT"}
    assert drop_frames(doc, decided, {}, _coder(doc).onto) == decided


def _cue_words(doc: Document) -> set[str]:
    return {q.cue.text for q in doc.quotes if q.cue is not None}


def _kept_after_frames(doc: Document, decided: dict[str, str]) -> list[str]:
    """The words of ``decided`` (word -> type) left by the frame and asked-for steps."""
    by_index = {_at(doc, word): etype for word, etype in decided.items()}
    kept = asked_for(doc, drop_frames(doc, by_index, {}, _coder(doc).onto))
    return [doc.nlp[i].text for i in sorted(kept)]


# (sentence, the statement cue the statements stage reads, the classifier's decisions, the words
# kept); each checked by hand against docs/annotation-events.md
DIRECTIVE_CASES = [
    # issue #17: "advised X to visit" is read as a statement; the advising is a REQUEST by
    # the speaker to the addressee (section 3), the visit asked for is its content, not an event
    # of its own (nor claimed: nothing says it happened). ("persuaded" was this case until quotes
    # part 12's check stopped reading a persuading as a statement.)
    ("The mayor advised the minister to visit the flooded town.", "advised",
     {"advised": "REQUEST", "visit": "CONSULT"}, ["advised"]),
    # a telling-to that the lexicon does not list as a demand
    ("The union leader told the dockers to block the port.", "told",
     {"told": "DEMAND", "block": "PROTEST"}, ["told"]),
    # a bare verb after a singular subject is a subjunctive: the resignation is asked for
    ("Some allies of the premier have suggested that he resign before the vote.", "suggested",
     {"suggested": "REQUEST", "resign": "RETREAT"}, ["suggested"]),
    # a claim about a past act is no request, even if the classifier calls the verb one: the
    # attack is the reported event and the cue its frame
    ("The cleric suggested that the army had attacked the village.", "suggested",
     {"suggested": "REQUEST", "attacked": "ASSAULT"}, ["attacked"]),
    # "should resign" is the demand itself (section 4): the cue only frames it
    ("The party suggested that the minister should resign.", "suggested",
     {"suggested": "REQUEST", "resign": "DEMAND"}, ["resign"]),
]


@pytest.mark.parametrize(("text", "cue", "decided", "kept"), DIRECTIVE_CASES)
def test_a_request_read_as_a_statement_cue_is_the_speakers_act(
        read_rules: Any, text: str, cue: str, decided: dict[str, str], kept: list[str]) -> None:
    doc = read_rules(text)
    assert cue in _cue_words(doc)  # the case the fix is for: the verb is a statement's cue
    assert _kept_after_frames(doc, decided) == kept


# (sentence, the classifier's decisions, the words kept): an act asked for through "for" and an
# infinitive with its own subject, which the parser hangs on the verb as an adverbial clause; the
# demanded act is the request's content, not an event of its own (round 21; checked by hand)
FOR_INFINITIVE_CASES = [
    ("McCain has repeatedly called for Romney to meet and work with him.",
     {"called": "DEMAND", "meet": "CONSULT"}, ["called"]),
    ("The report asks for the employees involved in the incident to be handed over for trial.",
     {"asks": "REQUEST", "handed": "RETREAT"}, ["asks"]),
    # an adverbial clause of time is no act asked for: the meeting is an event of its own
    ("The minister asked for the report before he met the envoy.",
     {"asked": "REQUEST", "met": "CONSULT"}, ["asked", "met"]),
]


@pytest.mark.parametrize(("text", "decided", "kept"), FOR_INFINITIVE_CASES)
def test_an_act_asked_for_with_a_for_infinitive_is_no_event(
        read_rules: Any, text: str, decided: dict[str, str], kept: list[str]) -> None:
    assert _kept_after_frames(read_rules(text), decided) == kept


def test_the_demanded_clause_names_the_mode(read_rules: Any) -> None:
    doc = read_rules("Iran called on the US to withdraw its troops from Syria.")
    onto = _coder(doc).onto
    called = doc.nlp[_at(doc, "called")]
    assert clause_mode(called, "DEMAND", onto) == "withdraw"
    assert clause_mode(called, "ASSAULT", onto) is None  # not a type with a demanded clause
    doc = read_rules("The prime minister called for an end to the violence in Manipur.")
    assert clause_mode(doc.nlp[_at(doc, "called")], "DEMAND", onto) == "withdraw"
    doc = read_rules("Iran called on the US to explain its position.")
    assert clause_mode(doc.nlp[_at(doc, "called")], "DEMAND", onto) is None
    # a for-infinitive names it too ("called for Romney to meet" is a demand to meet)
    doc = read_rules("The opposition called for the president to meet its leaders.")
    assert clause_mode(doc.nlp[_at(doc, "called")], "DEMAND", onto) == "meet"


def test_an_evaluation_inside_a_statement_is_the_speakers_act(read_rules: Any) -> None:
    doc = read_rules("Russia's foreign minister said that Georgia had crossed the line.")
    quote = next(q for q in doc.quotes if q.speaker is not None)
    georgia = next(m for m in doc.mentions if m.text == "Georgia")
    tok = doc.nlp[_at(doc, "crossed")]
    trigger = doc.span(tok.idx, tok.idx + len(tok.text))
    read = Event(id="t:0", type="ACCUSE", trigger=trigger, sentence=doc.span(0, len(doc.text)),
                 actors=[georgia], status="claimed")
    act = as_speakers_act(doc, tok, read)
    assert act.actors == [quote.speaker] and act.recipients == [georgia]
    assert act.status == "asserted" and act.source is None
    # outside a statement nothing changes
    doc = read_rules("Georgia crossed the line.")
    tok = doc.nlp[_at(doc, "crossed")]
    plain = Event(id="t:0", type="ACCUSE", trigger=doc.span(tok.idx, tok.idx + 7),
                  sentence=doc.span(0, len(doc.text)), status="asserted")
    assert as_speakers_act(doc, tok, plain) is plain


def _recode(doc: Document, decided_words: dict[str, str]) -> tuple[dict[int, str], Any, Any]:
    coder = _coder(doc)
    rule_at = rule_heads(doc.nlp, coder.code())
    decided = {_at(doc, w): t for w, t in decided_words.items()}
    return decided, coder.recode(rule_at, decided), rule_at


def test_one_act_per_clause(read_rules: Any) -> None:
    doc = read_rules("The Turkish and Iranian leaders held talks by phone on Monday.")
    decided, events, rule_at = _recode(doc, {"held": "CONSULT", "talks": "CONSULT"})
    assert _at(doc, "talks") in rule_at  # the rules code the talks on the noun
    kept = one_act_per_clause(doc, decided, events, rule_at)
    assert [e.trigger.text for e in kept] == ["talks"] and kept[0].id == f"{doc.id}:0"
    doc = read_rules("A car bomb exploded in a crowded market in Karachi on Monday, killing 14 "
                     "people.")
    decided, events, rule_at = _recode(
        doc, {"bomb": "ASSAULT", "exploded": "ASSAULT", "killing": "ASSAULT"})
    assert len(one_act_per_clause(doc, decided, events, rule_at)) == 1


def test_an_instrument_through_a_preposition_is_the_same_act(read_rules: Any) -> None:
    """"injured by a bomb": the bomb is how the injuring was done, one ASSAULT (the dev4
    adjudication codes it on "injured"), also when neither word is a rule event."""
    doc = read_rules("A civilian and six policemen were injured by a bomb in Tuz Khurmatu.")
    decided, events, _ = _recode(doc, {"injured": "ASSAULT", "bomb": "ASSAULT"})
    kept = one_act_per_clause(doc, decided, events, {})
    assert [e.trigger.text for e in kept] == ["injured"]


@pytest.mark.parametrize(("text", "word", "kind"), [
    ("FARC activities include kidnappings, massacres and bombs.", "kidnappings", True),
    ("The three provinces face near-daily bombings and shootings.", "bombings", True),
    ("Protests erupt in Tripoli.", "Protests", False),  # a verb of occurring: it happened
    ("Protests erupted in Tripoli on Monday.", "Protests", False),
    ("The kidnappings shocked the country.", "kidnappings", False),
    ("Rebels staged two attacks on the base.", "attacks", False),
])
def test_a_bare_plural_in_the_simple_present_is_a_kind_of_act(
        read_rules: Any, text: str, word: str, kind: bool) -> None:
    """Generic references are not coded (docs/annotation-events.md): a bare plural event noun as
    the subject or object of a simple-present verb names acts of a kind, none in particular."""
    doc = read_rules(text)
    assert kind_of_act(doc.nlp[_at(doc, word)]) is kind


@pytest.mark.parametrize(("text", "word", "learned", "rules"), [
    # an object is a kind only for the learned post-processing
    ("The three provinces face near-daily bombings and shootings.", "bombings", True, False),
    # an adjective makes the subject particular for the rule steps
    ("Other accusations of Israel claim that it is involved in racism.", "accusations", True,
     False),
    # "can hurt" is a general statement for the rule steps
    ("Sanctions can hurt ordinary people.", "Sanctions", False, True),
    ("Tariffs on consumer products raise prices for everyone.", "Tariffs", True, True),
])
def test_the_two_coders_read_a_kind_of_act_each_their_own_way(
        read_rules: Any, text: str, word: str, learned: bool, rules: bool) -> None:
    """One function, two readings (docs/events-learned.md, round 21): the defaults are the
    learned post-processing's, the rule steps' own veto reads subjects only, takes an
    adjective as making the noun particular and counts "can/may" + verb."""
    doc = read_rules(text)
    tok = doc.nlp[_at(doc, word)]
    assert kind_of_act(tok) is learned
    assert kind_of_act(tok, objects=False, adjectives=False, statives=True) is rules


def test_kinds_of_act_are_dropped_and_the_rest_renumbered(read_rules: Any) -> None:
    doc = read_rules("FARC activities include kidnappings. Gunmen kidnapped a journalist.")
    decided, events, _ = _recode(doc, {"kidnapped": "ASSAULT", "kidnappings": "ASSAULT"})
    kept = acts_only(doc, events)
    assert [(e.trigger.text, e.id) for e in kept] == [("kidnapped", f"{doc.id}:0")]


@pytest.mark.parametrize(("text", "word", "failed"), [
    ("Talks between the two leaders have failed to reach an agreement.", "reach", True),
    ("The prime minister has failed to deflect calls for his resignation.", "deflect", True),
    ("The two leaders reached an agreement.", "reached", False),
    ("The ministers agreed to reach a deal by Friday.", "reach", False),
])
def test_an_act_that_failed_did_not_happen(read_rules: Any, text: str, word: str,
                                           failed: bool) -> None:
    doc = read_rules(text)
    assert failed_act(doc.nlp[_at(doc, word)]) is failed


@pytest.mark.parametrize(("text", "question"), [
    ("The magazine asked the commissioner why the page was censored.", True),
    ("He was asked if he could name the foreign minister.", True),
    ('A staff officer asked another officer, "What are you guys doing?"', True),
    ("The minister asked the United Nations to send aid.", False),
    ("Iran asked for international help after the earthquake.", False),
    ("Reid has asked that the Senate vote on the amendment, which would begin a pullout of "
     "troops in 120 days, if the amendment is passed.", False),  # a condition (in its article
    # the parser hangs this "if" clause on "asked"; here it does not)
])
def test_a_question_is_not_a_request(read_rules: Any, text: str, question: bool) -> None:
    """A REQUEST asks for an act or a thing (docs/annotation-events.md); asking a question is
    neither. (The later senses step has its own question test, for what this one leaves:
    tests/events/test_senses.py.)"""
    doc = read_rules(text)
    asked = next(t for t in doc.nlp if t.lemma_ == "ask")
    assert asks_question(asked) is question


def test_questions_are_dropped_and_other_requests_kept(read_rules: Any) -> None:
    doc = read_rules("Reporters asked the minister why he resigned. The minister asked the "
                     "United Nations to send aid.")
    first, second = (t for t in doc.nlp if t.lemma_ == "ask")
    coder = _coder(doc)
    events = coder.recode({}, {first.i: "REQUEST", second.i: "REQUEST"})
    kept = acts_only(doc, events)
    assert [(e.trigger.start, e.id) for e in kept] == [(second.idx, f"{doc.id}:0")]


def test_two_parties_on_one_object_stay_two_acts(seed_doc: Document) -> None:
    # "The US-led coalition already claimed that it had foiled an attack of the Iranian-backed
    # forces and the Syrian Arab Army (SAA) on the SDF-held CONICO gas facility"
    triggers = [e.trigger.text for e in seed_doc.events if "CONICO" in e.sentence.text]
    assert triggers == ["foiled", "attack"]
    foiled, attack = (e for e in seed_doc.events if "CONICO" in e.sentence.text)
    assert foiled.actor is not None and foiled.actor.actor is not None
    assert foiled.actor.actor.cameo.startswith("USA")
    assert attack.actor is not None and attack.actor.actor is not None
    assert attack.actor.actor.cameo.startswith("IRN")


def test_a_word_inside_a_rule_events_trigger_is_no_event_of_its_own(read_rules: Any) -> None:
    """"Those who have to leave Syria" is a DEMAND (the rules' trigger "have to leave"); the
    demanded "leave" is its content, not a RETREAT that happened (guideline: demanded acts are
    not coded). A decided word outside the trigger stays."""
    doc = read_rules("Velayati said those who have to leave Syria are the Americans, and the "
                     "army attacked the base.")
    coder = _coder(doc)
    rule_at = rule_heads(doc.nlp, coder.code())
    demand = next(i for i, ev in rule_at.items() if ev.type == "DEMAND")
    assert "leave" in rule_at[demand].trigger.text
    decided = {demand: "DEMAND", _at(doc, "leave"): "RETREAT", _at(doc, "attacked"): "ASSAULT"}
    kept = inside_triggers(doc, decided, rule_at)
    assert sorted(kept.values()) == ["ASSAULT", "DEMAND"]
    # the rule event's own word is never dropped, nor anything when the DEMAND is not decided
    assert inside_triggers(doc, {_at(doc, "leave"): "RETREAT"}, rule_at) == {
        _at(doc, "leave"): "RETREAT"}


def test_a_retelling_of_an_act_already_coded_is_dropped(read_rules: Any) -> None:
    """Wikinews guideline §2/§15: an act is coded once, where it is first reported. "said he had
    been kidnapped" retells the kidnapping of the first sentence (hearsay, same word, a pronoun
    for the same victim); a kidnapping of another victim, even as hearsay, and the army's
    kidnapping told as fact are acts of their own; nothing is dropped without an earlier event
    of the same word."""
    doc = read_rules("Gunmen kidnapped a BBC journalist in Gaza on Monday. Palestinian officials "
                     "said he had been kidnapped by a local clan. Police said a French aid worker "
                     "had been kidnapped in Rafah. The army kidnapped two men on Tuesday.")
    coder = _coder(doc)
    rule_at = rule_heads(doc.nlp, coder.code())
    decided = {t.i: "ASSAULT" for t in doc.nlp if t.text == "kidnapped"}
    events = coder.recode(rule_at, decided)
    assert len(events) == 4
    kept = told_again(doc, events)
    assert [e.sentence.text.split()[0] for e in kept] == ["Gunmen", "Police", "The"]
    assert [e.id for e in kept] == [f"{doc.id}:{n}" for n in range(3)]
    assert told_again(doc, events[1:]) == events[1:]


def test_a_refusal_to_comment_is_dropped_a_refused_offer_kept(read_rules: Any) -> None:
    """The classifier reads "refused" as REJECT whatever follows; a refusal to comment is no
    event (docs/annotation-events.md §2)."""
    doc = read_rules("The spokesman refused to comment. Iran refused to accept the offer.")
    first, second = (t for t in doc.nlp if t.lemma_ == "refuse")
    events = _coder(doc).recode({}, {first.i: "REJECT", second.i: "REJECT"})
    kept = acts_only(doc, events)
    assert [e.trigger.start for e in kept] == [second.idx]


def test_an_apology_is_support_and_a_visa_refused_is_coerce(read_rules: Any) -> None:
    """Types settled in session 20 (docs/annotation-events.md §3) that the classifier learned
    the other way: an apology is SUPPORT, a visa refused COERCE ``restrict``; another CONCEDE
    and a REJECT of a proposal keep their types."""
    doc = read_rules("The minister apologized for the error. Canada denied the cleric a visa. "
                     "The government backed down. Iran rejected the proposal.")
    coder = _coder(doc)
    decided = {_at(doc, "apologized"): "CONCEDE", _at(doc, "denied"): "REJECT",
               _at(doc, "backed"): "CONCEDE", _at(doc, "rejected"): "REJECT"}
    got = settled_types(doc, coder.recode({}, decided), coder.onto)
    assert [(e.trigger.text.split()[0], e.type) for e in got] == [
        ("apologized", "SUPPORT"), ("denied", "COERCE"), ("backed", "CONCEDE"),
        ("rejected", "REJECT")]
    assert got[0].mode is None and got[1].mode == "restrict"
    assert got[1].cameo == coder.onto.cameo("COERCE", "restrict")
