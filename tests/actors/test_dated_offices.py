"""A person coded by the office held when the text was published (persons.yaml ``terms``).

The offices are public facts checked by hand: Barack Obama was a US senator from January 2005 to
November 2008 and president from January 2009; Donald Tusk was Poland's prime minister from 2007
to 2014 and President of the European Council from December 2014."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diurna.actors import ActorResolver
from diurna.actors.dictionary import ActorDictionary, DictionaryError
from diurna.actors.resolver import text_period
from diurna.language import Language
from diurna.model import Document


def codes(resolver: ActorResolver, language: Language, text: str,
          published: str | None) -> dict[str, str | None]:
    """Mention text → code of a text published on ``published`` (None: undated)."""
    doc = Document.from_paragraphs("t", "<test>", [text], published=published)
    resolver(language(doc))
    return {m.text: m.actor.cameo if m.actor else None for m in doc.mentions}


OBAMA = "Senator Barack Obama criticised the plan on Tuesday. Obama said it would fail."


@pytest.mark.parametrize(("published", "cameo"), [
    ("2006-05-10", "USALEG"),  # a senator
    ("2010-05-10", "USAGOV"),  # the president
    (None, "USAGOV"),  # undated: the entry's own code, never a guess
])
def test_obama_by_the_office_of_the_day(resolver: ActorResolver, language: Language,
                                        published: str | None, cameo: str) -> None:
    found = codes(resolver, language, OBAMA, published)
    assert found.get("Senator Barack Obama") == cameo
    assert found.get("Obama") == cameo  # the bare surname later in the text too


def test_another_country_before_an_international_office(resolver: ActorResolver,
                                                        language: Language) -> None:
    text = "Donald Tusk met the German chancellor in Berlin."
    assert codes(resolver, language, text, "2008-03-01").get("Donald Tusk") == "POLGOV"
    assert codes(resolver, language, text, "2017-03-01").get("Donald Tusk") == "IGOEUR"


def test_resolve_span_gives_the_dated_code(resolver: ActorResolver, language: Language) -> None:
    doc = resolver(language(Document.from_paragraphs(
        "t", "<test>", [OBAMA], published="2006-05-10")))
    at = doc.text.index("Obama said")
    m = resolver.resolve_span(doc, at, at + len("Obama"))
    assert m is not None and m.actor is not None and m.actor.cameo == "USALEG"


@pytest.mark.parametrize(("published", "period"), [
    ("2006-05-10", (date(2006, 5, 10), date(2006, 5, 10))),
    ("2006-05-10T08:00:00+00:00", (date(2006, 5, 10), date(2006, 5, 10))),
    ("2008-12", (date(2008, 12, 1), date(2008, 12, 31))),
    ("2006", (date(2006, 1, 1), date(2006, 12, 31))),
    (None, None),
    ("last week", None),
])
def test_the_period_a_text_is_about(published: str | None,
                                    period: tuple[date, date] | None) -> None:
    assert text_period(Document("t", "<test>", published=published)) == period


def test_a_period_across_a_term_end_keeps_the_default() -> None:
    d = ActorDictionary.load(env=False)
    obama = d.actors["P-OBAMA"]
    # 2008: a senator until November, then president-elect: the year as a whole is no one term
    assert d.office(obama, (date(2008, 1, 1), date(2008, 12, 31))).cameo == "USAGOV"
    assert d.office(obama, (date(2008, 6, 1), date(2008, 6, 30))).cameo == "USALEG"


USER = """\
- id: X-GOVERNOR
  name: Jane Roe
  country: USA
  sector: GOV
  kind: person
  aliases: [Jane Roe]
  terms:
    - {until: 2011-01-03, sector: LEG}
    - {from: 2011-01-03, until: 2015-01-01, cameo: IGOUNO, country: null, sector: IGO}
"""


def test_user_file_terms(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER, encoding="utf-8")
    d = ActorDictionary.load([path], env=False)
    roe = d.actors["X-GOVERNOR"]
    assert d.office(roe, (date(2009, 1, 1), date(2009, 1, 1))).cameo == "USALEG"
    assert d.office(roe, (date(2012, 1, 1), date(2012, 1, 1))).cameo == "IGOUNO"
    assert d.office(roe, (date(2016, 1, 1), date(2016, 1, 1))).cameo == "USAGOV"


def test_csv_terms_in_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("id,name,country,sector,kind,aliases,terms\n"
                    'X-ROE,Jane Roe,USA,GOV,person,Jane Roe,"[{until: 2011-01-03, sector: LEG}]"\n',
                    encoding="utf-8")
    d = ActorDictionary.load([path], env=False)
    assert d.office(d.actors["X-ROE"], (date(2009, 1, 1), date(2009, 1, 1))).cameo == "USALEG"


@pytest.mark.parametrize(("terms", "message"), [
    ("[{until: 2011-01-03}]", "needs a cameo, a country or a sector"),
    ("[{sector: LEG}]", "needs a from or an until day"),
    ("[{from: 2012-01-01, until: 2011-01-01, sector: LEG}]", "must come before its until"),
    ("[{until: '2011-02-30', sector: LEG}]", "is not a day"),
    ("[{untill: 2011-01-03, sector: LEG}]", "unknown key"),
    ("[{until: 2011-01-03, sector: LEG}, {from: 2010-01-01, sector: OPP}]", "terms overlap"),
    ("{until: 2011-01-03, sector: LEG}", "must be a list"),
    ("[{until: 2011-01-03, sector: SENATE}]", "unknown sector 'SENATE'"),
])
def test_a_bad_term_is_refused_naming_file_and_entry(tmp_path: Path, terms: str,
                                                     message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- {id: X-ROE, name: Jane Roe, country: USA, sector: GOV, kind: person, "
                    f"terms: {terms}}}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as err:
        ActorDictionary.load([path], env=False)
    assert "bad.yaml" in str(err.value) and "X-ROE" in str(err.value)


def test_a_day_yaml_cannot_read_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- {id: X-ROE, name: Jane Roe, country: USA, kind: person, "
                    "terms: [{until: 2011-02-30, sector: LEG}]}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.yaml: not valid YAML"):
        ActorDictionary.load([path], env=False)


def test_a_later_entry_replaces_the_terms(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- {id: P-OBAMA, name: Barack Obama, country: USA, sector: GOV, "
                    "kind: person, aliases: [Barack Obama, Obama]}\n", encoding="utf-8")
    d = ActorDictionary.load([path], env=False)
    assert d.office(d.actors["P-OBAMA"], (date(2006, 1, 1), date(2006, 1, 1))).cameo == "USAGOV"
    # the built-in dictionary keeps its own
    base = ActorDictionary.load(env=False)
    assert base.office(base.actors["P-OBAMA"], (date(2006, 1, 1),) * 2).cameo == "USALEG"
