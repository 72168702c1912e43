"""Issue 13, round 10: errors of LGL and GeoVirus that are not GeoNames' country or state points.

- a building or road named after its place ("the Henderson County Jail", "Vancouver
  International Airport", "Freestone County Road 360") was kept whole and unresolved; the place
  name it opens with is read instead, as for an organisation's name;
- a part of a large city ("South Philadelphia", "Metro Nashville") was unresolved; it is the city;
- a name given a town's police or mayor ("Berea police") was read as a same-named first-level
  division of a country the text is not about (Berea, Lesotho); it is a town where it stands bare
  too;
- an office's word ("Supreme" of "the state Supreme Court", "Police" of "Border Police") was
  read as a town that bears it (Supreme, Louisiana) or kept unresolved.

Each expectation was read by hand (the places are the ones the sentences mean)."""

from __future__ import annotations

from diurna.model import Place


def _by_text(places: list[Place]) -> dict[str, Place]:
    return {p.text: p for p in places}


def test_a_jail_named_after_its_county_gives_the_county(places_of) -> None:  # type: ignore[no-untyped-def]
    places = _by_text(places_of(
        "Smith was booked into the Henderson County Jail on Tuesday in Athens, Texas."))
    assert "Henderson County Jail" not in places
    county = places["Henderson County"]
    assert (county.country, county.admin1, county.feature) == ("US", "Texas", "A.ADM2")


def test_an_airport_and_a_county_road_give_their_place(places_of) -> None:  # type: ignore[no-untyped-def]
    airport = _by_text(places_of("The plane landed at Vancouver International Airport on Monday."))
    assert "Vancouver International Airport" not in airport
    assert (airport["Vancouver"].country, airport["Vancouver"].admin1) == ("CA", "British Columbia")
    road = _by_text(places_of("He drove east on Freestone County Road 360 near Fairfield, Texas."))
    county = road["Freestone County"]
    assert (county.admin1, county.feature) == ("Texas", "A.ADM2")


def test_a_direction_before_a_large_city_is_a_part_of_the_city(places_of) -> None:  # type: ignore[no-untyped-def]
    places = _by_text(places_of(
        "A man was shot in South Philadelphia on Friday, Pennsylvania police said."))
    city = places["Philadelphia"]
    assert (city.country, city.admin1, city.feature, city.qualifier) == (
        "US", "Pennsylvania", "P.PPL", "south")
    # a direction before a word that is no large city stays as it was ("the South Side")
    side = _by_text(places_of("He grew up on the South Side of Chicago."))
    assert "Side" not in side and side["Chicago"].admin1 == "Illinois"


def test_a_name_with_a_town_police_is_the_town(places_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Berea police are searching for a suspect. The robbery happened at a Berea apartment "
            "complex near Richmond, Kentucky.")
    bereas = [p for p in places_of(text) if p.text == "Berea"]
    # both mentions, the bare one too: the town of Kentucky, not Lesotho's district
    assert len(bereas) == 2
    assert all((p.country, p.admin1) == ("US", "Kentucky") for p in bereas)
    delta = _by_text(places_of("A Delta police officer testified at the inquiry in Vancouver."))
    assert (delta["Delta"].country, delta["Delta"].admin1) == ("CA", "British Columbia")


def test_a_state_or_county_police_stays_the_division(places_of) -> None:  # type: ignore[no-untyped-def]
    victoria = _by_text(places_of(
        "Victoria Police said the crash happened near Melbourne, in Australia's south-east."))
    assert (victoria["Victoria"].country, victoria["Victoria"].feature) == ("AU", "A.ADM1")
    lebanon = _by_text(places_of(
        "Israel struck targets in Lebanon, and Lebanon police said two people died."))
    assert lebanon["Lebanon"].country == "LB"


def test_an_office_word_is_no_place(places_of) -> None:  # type: ignore[no-untyped-def]
    # Supreme, Louisiana and Federal, Entre Ríos are towns; here the words name a court and a
    # security service
    court = [p.text for p in places_of(
        "The state Supreme Court this month denied an earlier appeal, Charleston officials said.")]
    assert "Supreme" not in court and "Charleston" in court
    service = [p.text for p in places_of(
        "Interfax cited the Federal Security Service as saying 12 died in Nalchik.")]
    assert "Federal" not in service and "Nalchik" in service
