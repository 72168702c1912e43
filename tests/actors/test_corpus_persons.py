"""People the Wikinews politics corpus (2004-2009) names most, added to persons.yaml in round 36.

The offices are public facts checked by hand: Hillary Clinton was a US senator from January 2001
to 21 January 2009 and then Secretary of State; Morgan Tsvangirai led Zimbabwe's opposition MDC
and was prime minister from February 2009; Wen Jiabao was China's premier from 2003 to 2013;
Kim Beazley led Australia's opposition from January 2005 to December 2006."""

from __future__ import annotations

import pytest

from diurna.actors import ActorResolver
from diurna.actors.dictionary import ActorDictionary
from diurna.language import Language
from diurna.model import Document


def codes(resolver: ActorResolver, language: Language, text: str,
          published: str | None) -> dict[str, str | None]:
    """Mention text → code of a text published on ``published``."""
    doc = Document.from_paragraphs("t", "<test>", [text], published=published)
    resolver(language(doc))
    return {m.text: m.actor.cameo if m.actor else None for m in doc.mentions}


@pytest.mark.parametrize(("published", "cameo"), [
    ("2008-02-10", "USALEG"),  # the senator running for president
    ("2009-06-10", "USAGOV"),  # the Secretary of State
])
def test_hillary_clinton_by_the_office_of_the_day(resolver: ActorResolver, language: Language,
                                                  published: str, cameo: str) -> None:
    text = "Hillary Clinton criticised the plan on Tuesday. Clinton said it would fail."
    found = codes(resolver, language, text, published)
    assert found.get("Hillary Clinton") == cameo
    assert found.get("Clinton") == cameo  # the surname, merged with the full name


@pytest.mark.parametrize(("published", "cameo"), [
    ("2008-04-02", "ZWEOPP"),  # the opposition leader
    ("2010-04-02", "ZWEGOV"),  # the prime minister of the unity government
])
def test_tsvangirai_by_full_name_and_surname(resolver: ActorResolver, language: Language,
                                             published: str, cameo: str) -> None:
    full = codes(resolver, language, "Morgan Tsvangirai rejected the result.", published)
    assert full.get("Morgan Tsvangirai") == cameo
    bare = codes(resolver, language, "Tsvangirai rejected the result.", published)
    assert bare.get("Tsvangirai") == cameo  # a distinctive surname alone


def test_wen_jiabao_and_beazley(resolver: ActorResolver, language: Language) -> None:
    found = codes(resolver, language,
                  "Wen Jiabao met Kim Beazley in Beijing. Beazley praised the talks.",
                  "2006-04-03")
    assert found.get("Wen Jiabao") == "CHNGOV"
    assert found.get("Kim Beazley") == "AUSOPP"
    assert found.get("Beazley") == "AUSOPP"


@pytest.mark.parametrize(("surname", "person"), [
    ("Snow", "P-SNOW"),  # Tony Snow; also the weather
    ("Key", "P-KEY"),  # John Key; also an English word
    ("Gore", "P-GORE"),  # Al Gore; also an English word
    ("Brown", "P-BBROWN-AU"),  # Bob Brown; also Gordon Brown and the colour
    ("Clinton", "P-HCLINTON"),  # Hillary and Bill Clinton share it
])
def test_a_shared_or_common_word_surname_is_no_alias(surname: str, person: str) -> None:
    d = ActorDictionary.load(env=False)
    assert person in d.actors
    assert all(a.target != person for a in d.readings(surname))


def test_a_common_surname_alone_takes_no_added_person(resolver: ActorResolver,
                                                      language: Language) -> None:
    found = codes(resolver, language, "Snow fell in the north. Key talks began.", "2006-04-03")
    assert found.get("Snow") is None and found.get("Key") is None
