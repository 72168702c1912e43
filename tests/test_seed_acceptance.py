"""Issue #2's acceptance on the seed page, as a new user would check it by reading the output."""

from __future__ import annotations

from diurna.model import Document

DONATION_FIGURES = ("2,500 $", "5,000 $", "3,179 $")


def test_title_dek_and_body_boundaries(seed_doc: Document) -> None:
    assert seed_doc.title == "Iranian Official Calls On U.S. To Withdraw From Syria"
    assert seed_doc.dek == "Iranian-backed forces massing around Deir Ezzor city"
    assert seed_doc.text.startswith("On February 14, Ali Akbar Velayati")
    assert seed_doc.text.endswith("However, this is hardly possible.")
    assert seed_doc.title not in seed_doc.text
    for noise in (*DONATION_FIGURES, "Do you like this content", "Consider helping us"):
        assert noise not in seed_doc.text


def test_comment_thread(seed_doc: Document) -> None:
    comments = seed_doc.comments
    assert [c.author for c in comments] == [
        "as",
        "Rob",
        "Ma_Laoshi",
        "wwinsti",
        "Joe",
        "Lena Jones",
        "Joe",
        "velociraptor",
    ]
    reply = comments[3]
    assert reply.parent == 2 and comments[2].author == "Ma_Laoshi"
    assert all(c.parent is None for i, c in enumerate(comments) if i != 3)
    assert "Russia is silent" in comments[4].text  # a two-paragraph comment is kept whole


def test_nothing_is_extracted_from_comments(seed_doc: Document) -> None:
    for comment in seed_doc.comments:
        assert comment.text not in seed_doc.text
    # Words that only occur in the comments never appear in any extracted span.
    comment_only = ("Rouhani", "Lena", "Trump", "Assad", "Russia", "takfiri")
    spans = (
        [e.text for e in seed_doc.entities]
        + [q.text for q in seed_doc.quotes]
        + [e.sentence.text for e in seed_doc.events]
    )
    for word in comment_only:
        assert not any(word in s for s in spans), word


def test_velayati_demand(seed_doc: Document) -> None:
    demands = [
        e
        for e in seed_doc.events
        if e.type == "DEMAND" and e.actor and e.actor.actor and e.actor.actor.country == "IRN"
    ]
    assert demands, [(e.type, e.actor) for e in seed_doc.events]
    ev = demands[0]
    assert ev.recipient is not None and ev.recipient.actor is not None
    assert ev.recipient.actor.country == "USA"
    assert ev.date is not None and ev.date.value == "2018-02-14"


def test_conico_assault(seed_doc: Document) -> None:
    assaults = [e for e in seed_doc.events if e.type == "ASSAULT" and "CONICO" in e.sentence.text]
    assert assaults
    ev = assaults[0]
    assert ev.status == "claimed"
    assert ev.date is not None and ev.date.value == "2018-02-07"
    assert ev.place is not None and ev.place.country == "SY"
    # "in the eastern Deir Ezzor countryside": the governorate (GeoNames 170792), not the city.
    assert ev.place.geonameid == 170792
    assert ev.place.qualifier == "eastern countryside"


def test_without_published_date_month_days_stay_partial(seed_path) -> None:  # type: ignore[no-untyped-def]
    import diurna

    doc = diurna.process_file(str(seed_path))
    values = {t.text: t.value for t in doc.times}
    assert values.get("February 14") == "--02-14"
    assert all(not (v or "").startswith("2026") for v in values.values())


def test_places_of_the_seed(seed_doc: Document) -> None:
    """Issue #5: Tehran, Deir ez-Zor (governorate and city told apart), Kuwait, Geneva, Syria."""
    resolved = {p.text: (p.geonameid, p.country) for p in seed_doc.places}
    assert resolved["Tehran"] == (112931, "IR")
    assert resolved["Kuwait"] == (285570, "KW")  # the country (the text says "in Kuwait")
    assert resolved["Geneva"] == (2660646, "CH")
    assert resolved["Syria"] == (163843, "SY")
    assert resolved["Deir Ezzor"] == (170792, "SY")  # "Deir Ezzor countryside/governorate"
    (city,) = [p for p in seed_doc.headline_places if p.text == "Deir Ezzor"]
    assert city.field == "dek" and city.geonameid == 170794  # "around Deir Ezzor city"


def test_velayati_call_is_placed_in_tehran(seed_doc: Document) -> None:
    (call,) = [
        e
        for e in seed_doc.events
        if e.type == "DEMAND" and e.date is not None and e.date.value == "2018-02-14"
    ]
    assert call.place is not None and call.place.geonameid == 112931


def test_every_statement_has_a_speaker(seed_doc: Document) -> None:
    # "…, according to several reports of Syrian opposition and pro-government sources": the
    # reports are the speaker there, not a statement of their own with no speaker (session 31)
    assert all(q.speaker is not None for q in seed_doc.quotes), [
        (q.cue.text if q.cue else None, q.text) for q in seed_doc.quotes if q.speaker is None]
    assert len(seed_doc.quotes) == 13
