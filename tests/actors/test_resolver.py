"""Actor resolution on the seed page and on short texts (expected codes checked by hand against
the code convention in docs/actors.md)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from diurna.actors import ActorResolver
from diurna.model import Document, Mention


def nth(doc: Document, phrase: str, n: int = 0) -> tuple[int, int]:
    """Character offsets of the n-th whole-word occurrence of ``phrase`` in the body."""
    found = list(re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.text))
    return found[n].start(), found[n].end()


def mention(doc: Document, phrase: str, n: int = 0) -> Mention:
    """The mention exactly over the n-th occurrence of ``phrase``."""
    start, end = nth(doc, phrase, n)
    found = [m for m in doc.mentions if m.start == start and m.end == end]
    assert found, f"no mention over {phrase!r}: {[m.text for m in doc.mentions]}"
    return found[0]


def code(m: Mention | None) -> str | None:
    return m.actor.cameo if m is not None and m.actor is not None else None


# ------------------------------------------------------------------------------------ seed page
def test_seed_offsets_are_exact(seed: Document) -> None:
    assert seed.mentions
    for m in seed.mentions:
        assert seed.text[m.start:m.end] == m.text
    assert [m.start for m in seed.mentions] == sorted(m.start for m in seed.mentions)


def test_seed_appositive_and_surname_coreference(seed: Document) -> None:
    # "Ali Akbar Velayati, a top adviser to the Iranian supreme leader ..." → Iran's government
    assert code(mention(seed, "Ali Akbar Velayati")) == "IRNGOV"
    # later bare "Velayati" → the same actor
    later = [m for m in seed.mentions if m.text == "Velayati"]
    assert later and all(code(m) == "IRNGOV" for m in later)
    assert code(mention(seed, "Khamenei’s top advisor")) == "IRNGOV"


def test_seed_titles(seed: Document) -> None:
    tillerson = mention(seed, "Secretary of State Rex Tillerson")
    assert code(tillerson) == "USAGOV"
    assert tillerson.actor is not None and tillerson.actor.country == "USA"
    assert code(mention(seed, "Tillerson", 1)) == "USAGOV"  # "Tillerson said ..."


def test_seed_states_and_government(seed: Document) -> None:
    assert code(mention(seed, "US")) == "USA"
    assert code(mention(seed, "Iran")) == "IRN"
    assert code(mention(seed, "Damascus government")) == "SYRGOV"
    assert code(mention(seed, "Syrian government")) == "SYRGOV"
    # "the Iranian deployment" refers to Iran, not to a sector
    start, end = nth(seed, "the Iranian deployment")
    inside = [m for m in seed.mentions if start <= m.start and m.end <= end]
    assert [code(m) for m in inside] == ["IRN"]


def test_seed_backed_forces_are_a_proxy_not_the_state(seed: Document) -> None:
    m = mention(seed, "Iranian-backed forces")
    assert m.actor is not None
    assert m.actor.cameo == "IRNPRX"
    assert m.actor.affiliation == "IRN"
    assert m.actor.country is None


def test_seed_demonym_with_role(seed: Document) -> None:
    assert code(mention(seed, "Syrian pro-government experts")) == "SYRELI"
    assert code(mention(seed, "Syrian pro-government activists")) == "SYRACT"
    assert code(mention(seed, "US-led coalition")) == "USAMIL"


def test_seed_coordination_gives_two_mentions(seed: Document) -> None:
    # "... that Iran and the SAA are currently massing ..."
    start, end = nth(seed, "Iran and the SAA")
    inside = [m for m in seed.mentions if start <= m.start and m.end <= end]
    assert [(m.text, code(m)) for m in inside] == [("Iran", "IRN"), ("SAA", "SYRMIL")]
    assert code(mention(seed, "Syrian Arab Army")) == "SYRMIL"
    assert code(mention(seed, "Syrian Democratic Forces")) == "SYRREB"


def test_seed_pronouns_and_short_references(seed: Document) -> None:
    # "called on the US to withdraw its troops" → US military
    assert code(mention(seed, "its troops")) == "USAMIL"
    # "the US is currently trying ... under the control of its proxies" → proxies of the US
    proxies = mention(seed, "its proxies")
    assert proxies.actor is not None and proxies.actor.affiliation == "USA"
    # "Tillerson himself admitted" → Tillerson
    assert code(mention(seed, "himself")) == "USAGOV"
    # "The US-led coalition already claimed that it had foiled" → the coalition
    start, _ = nth(seed, "it had foiled")
    assert code(next(m for m in seed.mentions if m.start == start)) == "USAMIL"


def test_seed_capital_as_place_is_not_an_actor(seed: Document) -> None:
    # "... at the Islamic Azad University in Tehran" is a place, not Iran's government
    start, end = nth(seed, "Tehran")
    assert not [m for m in seed.mentions if m.start == start and m.actor is not None]


def test_seed_unknown_names_stay_unresolved(seed: Document) -> None:
    for m in seed.mentions:
        if m.text in ("Geneva", "Deir Ezzor", "Islamic Azad University"):
            assert m.actor is None


def test_resolve_span_api(seed: Document, resolver: ActorResolver) -> None:
    start, end = nth(seed, "Khamenei’s top advisor")
    m = resolver.resolve_span(seed, start, end)
    assert m is not None and m.text == "Khamenei’s top advisor" and code(m) == "IRNGOV"
    start, end = nth(seed, "the Iranian-backed forces")
    m = resolver.resolve_span(seed, start, end)
    assert m is not None and code(m) == "IRNPRX" and seed.text[m.start:m.end] == m.text
    start, end = nth(seed, "its proxies")
    m = resolver.resolve_span(seed, start, end)
    assert m is not None and m.actor is not None and m.actor.affiliation == "USA"
    # mention_at finds the mention covering a span
    start, end = nth(seed, "SAA")
    at = resolver.mention_at(seed, start, end)
    assert at is not None and code(at) == "SYRMIL"


# --------------------------------------------------------------------------------- short texts
Run = Callable[[str], Document]


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Washington imposed new sanctions.", "Washington", "USA"),
    ("Moscow's decision surprised diplomats.", "Moscow", "RUS"),
    ("The government in Tehran rejected the offer.", "government", "IRNGOV"),
    # titles (invented names, so the dictionary of known people cannot help)
    ("Iranian President Dariush Karimzadeh spoke on Monday.",
     "Iranian President Dariush Karimzadeh", "IRNGOV"),
    ("Rep. Jane Whitfield voted against it.", "Rep. Jane Whitfield", "USALEG"),
    ("The U.S. secretary of state spoke.", "U.S. secretary of state", "USAGOV"),
    # well-known people from the dictionary
    ("Putin and Xi met in Moscow.", "Putin", "RUSGOV"),
    ("Hezbollah fighters crossed the border.", "Hezbollah fighters", "LBNREB"),
    ("Pro-Iranian militias shelled the town.", "Pro-Iranian militias", "IRNPRX"),
    ("The foreign minister of Iran arrived late.", "foreign minister", "IRNGOV"),
    ("Russian troops entered the city.", "Russian troops", "RUSMIL"),
    ("Iraqi police arrested two men.", "Iraqi police", "IRQCOP"),
    ("Turkish lawmakers approved the motion.", "Turkish lawmakers", "TURLEG"),
    ("The IRGC commander was killed.", "IRGC commander", "IRNMIL"),
    ("NATO troops left the base.", "NATO troops", "IGONAT"),
    ("Daesh claimed the bombing.", "Daesh", "NSAREB"),
])
def test_short_texts(resolve: Run, text: str, phrase: str, expected: str) -> None:
    doc = resolve(text)
    assert code(mention(doc, phrase)) == expected


def test_capital_as_place_gets_no_mention(resolve: Run) -> None:
    doc = resolve("Talks were held in Moscow on Monday.")
    assert not [m for m in doc.mentions if m.text == "Moscow"]


def test_coordinated_demonyms_are_two_actors(resolve: Run) -> None:
    doc = resolve("Turkish and Russian officials met on Monday.")
    assert [(m.text, code(m)) for m in doc.mentions] == [
        ("Turkish", "TURGOV"), ("Russian officials", "RUSGOV")]


def test_he_and_the_group(resolve: Run) -> None:
    doc = resolve("Secretary of State John Harmon arrived in Riyadh. "
                  "He said the talks went well.\n\n"
                  "Hamas fired rockets overnight. The group said it would continue.")
    assert code(mention(doc, "Secretary of State John Harmon")) == "USAGOV"
    assert code(mention(doc, "He")) == "USAGOV"
    assert code(mention(doc, "group")) == "PSEREB"


def test_appositive_then_surname(resolve: Run) -> None:
    doc = resolve("Omar Haddad, a senior adviser to the Jordanian king, disagreed. "
                  "Later, Haddad left the meeting.")
    assert code(mention(doc, "Omar Haddad")) == "JORGOV"
    assert code(mention(doc, "Haddad", 1)) == "JORGOV"


def test_roles_take_the_country_in_context(resolve: Run) -> None:
    # no country in "security forces" or "protesters": the state just mentioned (docs/actors.md)
    doc = resolve("Iran's government cracked down on Friday. "
                  "Security forces fired at protesters, killing six people.")
    assert code(mention(doc, "Security forces")) == "IRNCOP"
    assert code(mention(doc, "protesters")) == "IRNCVL"


def test_unknown_names_are_never_guessed(resolve: Run) -> None:
    doc = resolve("The Zorblax Front attacked a village, officials said. They left.")
    assert all(m.actor is None for m in doc.mentions)


def test_common_words_are_not_countries(resolve: Run) -> None:
    doc = resolve("Let us eat turkey. It is late.")
    assert all(m.actor is None for m in doc.mentions)


def test_places_inside_a_country_give_roles_their_country(resolve: Run) -> None:
    # a US state and a US city are evidence of the country, but never actors themselves
    doc = resolve("Indiana protesters marched on Monday. A New York man was arrested.")
    assert code(mention(doc, "Indiana protesters")) == "USACVL"
    assert code(mention(doc, "New York man")) == "USACVL"
    assert not [m for m in doc.mentions if m.text in ("Indiana", "New York") and m.actor]


def test_fresh_resolver_instance_resolves_spans(seed: Document) -> None:
    # later stages may build their own ActorResolver() just to call resolve_span
    start, end = nth(seed, "its troops")
    m = ActorResolver().resolve_span(seed, start, end)
    assert m is not None and code(m) == "USAMIL"


def test_no_parse_is_skipped(resolver: ActorResolver) -> None:
    doc = Document(id="x", source="x", text="Iran")
    assert resolver(doc).mentions == []
    assert resolver.resolve_span(doc, 0, 4) is None



def test_the_pope_is_the_holy_sees_wherever_he_travels(resolve: Run) -> None:
    # annotators code the pope VAT (the Holy See), not the country he visits or speaks of
    doc = resolve("Pope Benedict XVI arrived in Spain on Saturday. The pope met relatives of "
                  "the victims, and Spanish bishops welcomed him.")
    assert code(mention(doc, "Pope Benedict XVI")) == "VATREL"
    assert code(mention(doc, "pope")) == "VATREL"
    assert code(mention(doc, "Spanish bishops")) == "ESPREL"
