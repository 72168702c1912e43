"""Event coder: what the seed page must give, and the general behaviours (status, negation,
coordination, passives, several events per sentence). Actor mentions are hand-built here, so these
tests do not depend on the actor dictionary."""

from __future__ import annotations

import pytest
from helpers import SEED_ACTORS, make_doc, seed_body

from diurna.events import EventCoder
from diurna.model import Document, Event


def coded(text: str, table: dict[str, str] | None = None, doc_id: str = "t") -> Document:
    return EventCoder()(make_doc(text, table, doc_id))


def codes(mentions: list) -> list[str | None]:
    return [m.actor.cameo if m.actor else None for m in mentions]


def find(doc: Document, type_: str, trigger: str) -> Event:
    hits = [e for e in doc.events if e.type == type_ and e.trigger.text == trigger]
    assert hits, f"no {type_} '{trigger}' in {[(e.type, e.trigger.text) for e in doc.events]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed() -> Document:
    return coded(seed_body(), SEED_ACTORS, "seed")


def test_velayati_demands_that_the_us_withdraw(seed: Document) -> None:
    e = seed.events[0]
    assert (e.type, e.mode, e.cameo, e.trigger.text) == ("DEMAND", "withdraw", "1056", "called on")
    assert codes(e.actors) == ["IRNGOV"] and codes(e.recipients) == ["USA"]
    assert e.status == "asserted" and not e.negated


def test_tillerson_demands_that_iran_withdraw(seed: Document) -> None:
    calls = [e for e in seed.events if e.type == "DEMAND" and e.trigger.text == "called on"]
    assert len(calls) == 2
    e = calls[1]
    assert codes(e.actors) == ["USAGOV"] and codes(e.recipients) == ["IRN"]
    assert e.mode == "withdraw" and e.status == "asserted"


def test_the_foiled_attack_is_claimed_by_the_coalition(seed: Document) -> None:
    e = next(e for e in seed.events if e.type == "ASSAULT" and e.status == "claimed")
    assert e.trigger.text == "attack"
    assert codes(e.actors) == ["IRNPRX", "SYRMIL"]  # coordinated actors, first named first
    assert codes(e.recipients) == ["SYRREB"]
    assert e.source is not None and e.source.text == "The US-led coalition"
    assert "CONICO" in e.sentence.text


def test_massing_is_mobilize_claimed_by_new_reports(seed: Document) -> None:
    e = find(seed, "MOBILIZE", "massing")
    assert e.status == "claimed"
    assert codes(e.actors) == ["IRN", "SYRMIL"]
    assert e.source is not None and e.source.text == "new reports"


def test_recapture_and_another_attack_are_speculative(seed: Document) -> None:
    assert find(seed, "COERCE", "recapturing").status == "speculative"
    another = [e for e in seed.events if e.type == "ASSAULT" and e.trigger.text == "attack"][1]
    assert another.status == "speculative"
    assert "unclear if" in another.sentence.text


def test_justification_is_not_a_second_event(seed: Document) -> None:
    first_sentence = seed.events[0].sentence
    inside = [e for e in seed.events if e.sentence.start == first_sentence.start]
    assert [e.type for e in inside] == ["DEMAND"]  # "saying that its presence is illegal"


def test_ids_and_provenance(seed: Document) -> None:
    for n, e in enumerate(seed.events):
        assert e.id == f"seed:{n}"
        assert seed.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert seed.text[e.sentence.start:e.sentence.end] == e.sentence.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
        for m in [*e.actors, *e.recipients]:
            assert seed.text[m.start:m.end] == m.text


def test_no_event_from_comments() -> None:
    from diurna.evaluate.gold import shared_dir
    from diurna.page import iter_inputs
    from diurna.pipeline import Pipeline

    raw = next(iter(iter_inputs([str(shared_dir() / "corpus" / "seed-page.txt")])))
    doc = Pipeline.default().process(raw, published="2018-02-15")
    assert doc.rejected is None and doc.events
    for c in doc.comments:  # the page stage keeps comments out of the text the coder sees
        assert c.text.strip()[:40] not in doc.text
    assert not any("American citizens" in e.sentence.text for e in doc.events)


GENERAL = {"Turkey": "TUR", "Russia": "RUS", "Germany": "DEU", "Iran": "IRN",
           "Taliban": "AFGREB", "Police": "XXXCOP", "the army": "XXXMIL"}


def test_negation() -> None:
    doc = coded("Turkey did not attack the Kurdish fighters.", GENERAL)
    e = find(doc, "ASSAULT", "attack")
    assert e.negated and codes(e.actors) == ["TUR"]


def test_denied_content() -> None:
    doc = coded("Russia denied that its warplanes had bombed the hospital.", GENERAL)
    e = find(doc, "ASSAULT", "bombed")
    assert e.status == "denied"
    assert e.source is not None and e.source.text == "Russia"


def test_modal_is_speculative_and_recipient_from_on() -> None:
    doc = coded("Germany might impose sanctions on Russia.", GENERAL)
    e = find(doc, "SANCTION", "impose")
    assert e.status == "speculative"
    assert codes(e.actors) == ["DEU"] and codes(e.recipients) == ["RUS"]


def test_reportedly_is_claimed() -> None:
    doc = coded("Taliban fighters reportedly kidnapped three aid workers.", GENERAL)
    e = find(doc, "ASSAULT", "kidnapped")
    assert e.status == "claimed" and e.mode == "abduct"


def test_passive_agent_is_the_actor() -> None:
    doc = coded("The convoy was attacked by the Taliban near Kandahar.", GENERAL)
    e = find(doc, "ASSAULT", "attacked")
    assert codes(e.actors) == ["AFGREB"]
    assert [m.text for m in e.recipients] == ["The convoy"]


def test_several_events_in_one_sentence() -> None:
    doc = coded("Police arrested five protesters and the army shelled the village.", GENERAL)
    assert [e.type for e in doc.events] == ["COERCE", "ASSAULT"]
    assert doc.events[1].mode == "heavy-weapons"


def test_refusal_is_reject_not_negated_agree() -> None:
    doc = coded("Iran did not accept the offer of talks.", GENERAL)
    [e] = doc.events
    assert e.type == "REJECT" and not e.negated


def test_must_in_a_quote_is_the_speakers_demand() -> None:
    doc = coded("“Russia must withdraw its forces,” Germany said.", GENERAL)
    e = find(doc, "DEMAND", "must withdraw")
    assert codes(e.actors) == ["DEU"] and codes(e.recipients) == ["RUS"]
    assert e.mode == "withdraw" and e.status == "asserted"


def test_no_parse_no_events() -> None:
    doc = Document(id="x", source="t", text="Iran attacked the base.")
    assert EventCoder()(doc).events == []


def test_a_vow_to_retaliate_is_a_threat() -> None:
    doc = coded("Iran vowed to retaliate against Israel.", {"Iran": "IRN", "Israel": "ISR"})
    [e] = doc.events
    assert e.type == "THREATEN" and codes(e.actors) == ["IRN"]


def test_a_prevented_act_is_not_coded() -> None:
    doc = coded("Turkey prevented Syrian refugees from leaving the camp.", GENERAL)
    assert [e.type for e in doc.events] == ["COERCE"]


def test_hedged_noun_and_presupposed_clause() -> None:
    doc = coded("Russia warned against a possible attack on Iran. Germany, which attacked "
                "Russia, may face sanctions.", GENERAL)
    assert find(doc, "ASSAULT", "attack").status == "speculative"
    # the relative clause reports a fact; the "may" of the main clause does not hedge it
    assert find(doc, "ASSAULT", "attacked").status == "asserted"
