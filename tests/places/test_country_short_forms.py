"""Places round 12 (session 34, brief 13Q): the dotless short forms news uses for Australia's
states and territories ("WA", "SA", "Vic") and Canada's provinces ("BC") name the division when
the text is about its country; "WA" in a US text is Washington. Found on the 120-article audit
of round 11 ("uranium mining in WA" read as Wa, Ghana). Expected places checked by hand against
GeoNames (Western Australia AU.08, South Australia AU.05, British Columbia CA.02,
Washington US.WA).
"""
from __future__ import annotations

from tests.places.test_world_news_names import _named, _places


def test_wa_in_an_australian_text_is_western_australia() -> None:
    text = ("The Labor government in Perth opposes uranium mining in WA, the premier said in "
            "Perth, Australia.")
    wa = _named(_places(text), text, "WA")
    assert (wa.name, wa.country, wa.precision) == ("Western Australia", "AU", "admin1")


def test_wa_in_a_us_text_is_washington() -> None:
    text = ("Officials in Seattle said the bill would pass in WA and Oregon, the governor of "
            "Washington said.")
    wa = _named(_places(text), text, "WA")
    assert (wa.name, wa.country, wa.precision) == ("Washington", "US", "admin1")


def test_the_short_forms_follow_the_texts_country() -> None:
    from diurna.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    sa = gaz.short_form("SA", "AU")
    bc = gaz.short_form("BC", "CA")
    assert sa is not None and sa.name == "South Australia"
    assert bc is not None and bc.name == "British Columbia"
    # about another country the letters settle nothing ("SA" is also Saudi Arabia's code)
    assert gaz.short_form("SA", "SA") is None and gaz.short_form("WA", "GH") is None
    assert gaz.short_form("WA", None) is None
