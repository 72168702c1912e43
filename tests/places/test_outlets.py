"""Issue 13 (places, resolution): the home of the story's outlet weighs same-named towns.

Facts checked by hand: the Palladium-Item (pal-item.com) is the paper of Richmond, Indiana; the
Richmond Register (richmondregister.com) that of Richmond, Kentucky; the Richmond Times-Dispatch
(timesdispatch.com) that of Richmond, Virginia (their own sites / Wikipedia). GeoNames ids:
Richmond, Indiana 4263681; Richmond, Kentucky 4305974; Richmond, Virginia 4781708.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver
from diurna.places.outlets import domain_of, outlet_home
from tests.places.scripts import load_script

RICHMOND_IN, RICHMOND_KY, RICHMOND_VA = 4263681, 4305974, 4781708
STORY = ("Richmond police arrested two men on Tuesday after a chase that ended on Main Street, "
         "a police spokesman said. Both were held at the county jail.")


def _richmond(url: str | None, resolver: PlaceResolver) -> Place:
    doc = Language()(Document(id="t", source="t", text=STORY, language="en", url=url))
    return resolver.resolve_spans(doc, [(0, len("Richmond"))])[0]


def test_domain_of_reads_urls_and_bare_hosts() -> None:
    assert domain_of("http://www.Pal-Item.com/article/20090320/NEWS01") == "pal-item.com"
    assert domain_of("www2.richmondregister.com") == "richmondregister.com"
    assert domain_of("") == ""


def test_outlet_home_finds_the_outlet_by_its_domain_or_a_parent_domain() -> None:
    home = outlet_home(None, "http://www.pal-item.com/article/1")
    assert home is not None and home.admin1_code == "US.IN"
    sub = outlet_home("https://news.richmondregister.com/x")
    assert sub is not None and sub.admin1_code == "US.KY"
    # a world outlet is not in the list of US local outlets: no home
    assert outlet_home("https://www.bbc.co.uk/news/world", "<stdin>") is None


@pytest.mark.parametrize(("url", "want"), [
    ("http://www.pal-item.com/article/20090320/NEWS01/1", RICHMOND_IN),
    ("http://www.richmondregister.com/local/x", RICHMOND_KY),
    ("http://www.timesdispatch.com/news/x", RICHMOND_VA),
])
def test_the_outlets_home_picks_among_same_named_towns(url: str, want: int) -> None:
    """A one-name local story: only the outlet says which Richmond it is."""
    assert _richmond(url, PlaceResolver()).geonameid == want


def test_build_outlets_keeps_one_state_domains_and_drops_chains() -> None:
    rows = load_script("build_outlets").rows

    def outlet(site: str, place: str, lat: float, lon: float) -> dict[str, object]:
        return {"website": site, "city-county-name": place, "city-county-lat": lat,
                "city-county-long": lon}
    data = {"IN": {"newspaper": [outlet("http://www.pal-item.com/", "Wayne County", 39.83, -84.89),
                                 outlet("http://chain.com/a", "Marion County", 39.77, -86.16),
                                 outlet("http://two.com/", "Wayne County", 39.83, -84.89),
                                 outlet("http://two.com/b", "Marion County", 39.77, -86.16)]},
            "KY": {"radio": [outlet("http://chain.com/b", "Madison County", 37.75, -84.28)]}}
    got = {r[0]: r[1:] for r in rows(json.loads(json.dumps(data)))}
    assert got["pal-item.com"] == ("US.IN", "Wayne County", "39.8300", "-84.8900")
    assert "chain.com" not in got  # a site shared by outlets of two states says nothing
    assert got["two.com"] == ("US.IN", "", "", "")  # one state, no one point



@pytest.mark.parametrize("content", [None, b"not json"])
def test_build_outlets_refuses_a_missing_or_broken_source_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None) -> None:
    """A wrong source file is exit code 2 and one line naming it; the table is not touched."""
    source = tmp_path / "outlets.json"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "outlets.tsv"
    code = load_script("build_outlets").main([str(source), "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert str(source) in err and "\n" not in err
    assert not out.exists()

def test_resolve_and_the_cli_take_the_pages_url() -> None:
    """Library and CLI mirror each other: ``resolve(name, url=...)``, ``--url URL``."""
    from click.testing import CliRunner

    from diurna.cli import cli
    from diurna.places import resolve

    top = resolve("Richmond", url="http://www.richmondregister.com/local/x")[0]
    assert (top.geonameid, top.chosen) == (RICHMOND_KY, True)
    out = CliRunner().invoke(cli, ["places", "resolve", "Richmond", "--url",
                                   "http://www.pal-item.com/article/1", "--format", "json"])
    assert out.exit_code == 0, out.output
    first = json.loads(out.output.splitlines()[0])
    assert (first["geonameid"], first["chosen"]) == (RICHMOND_IN, True)


def test_the_shipped_ranker_has_weights_for_outlet_pages_and_for_the_rest() -> None:
    """Pages of no listed outlet are scored by weights that never saw an outlet feature; the
    pair survives the JSON round trip."""
    from diurna.places.ranker import FEATURES, Ranker, shipped_ranker

    ranker = shipped_ranker()
    assert ranker is not None and ranker.outlet is not None
    home = outlet_home("pal-item.com")
    assert ranker.for_page(None) is ranker and ranker.for_page(home) is ranker.outlet
    cols = [FEATURES.index(f) for f in ("in_outlet_state", "outlet_near", "outlet_161")]
    assert all(ranker.weights[i] == 0.0 for i in cols)
    assert ranker.outlet.weights[FEATURES.index("in_outlet_state")] > 0
    again = Ranker.from_json(json.loads(json.dumps(ranker.to_json())))
    assert again.outlet is not None and again.outlet.weights == ranker.outlet.weights
