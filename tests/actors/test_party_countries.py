"""Round 24b (docs/actors.md, "Parties of other countries"): the US parties' words read in
another country's story, party names that many countries share, and office holders of the
corpus years. Sentences written for these tests; every expected code worked out by hand from
the rules in docs/actors.md."""

from __future__ import annotations

import re
from collections.abc import Callable

from diurna.actors import ActorResolver
from diurna.model import Document


def rcode(resolver: ActorResolver, doc: Document, phrase: str, n: int = 0) -> str | None:
    """Code that ``resolve_span`` gives the n-th occurrence of ``phrase``."""
    found = list(re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.text))
    m = resolver.resolve_span(doc, found[n].start(), found[n].end())
    return m.actor.cameo if m is not None and m.actor is not None else None


# --------------------------------------------------------------------- must code differently
def test_democrats_of_a_named_country(resolve: Callable[[str], Document],
                                      resolver: ActorResolver) -> None:
    doc = resolve("Thailand's Democrats boycotted the vote. The US embassy in Bangkok said "
                  "nothing.")
    # the possessor names the party's country, though the text also names the US
    assert rcode(resolver, doc, "Thailand's Democrats") == "THAPTY"


def test_democrat_party_in_a_story_without_the_us(resolve: Callable[[str], Document],
                                                  resolver: ActorResolver) -> None:
    doc = resolve("Protesters marched in Bangkok on Sunday. Thailand's election commission "
                  "met. The Democrat party said it would appeal to Thailand's courts.")
    # the US is named nowhere: the party is the focus state's (Thailand, named three times)
    assert rcode(resolver, doc, "The Democrat party") == "THAPTY"


def test_social_democrats_are_never_the_us_party(resolve: Callable[[str], Document],
                                                 resolver: ActorResolver) -> None:
    doc = resolve("Germany's chancellor met US envoys in Berlin. The Social Democrats "
                  "criticised the deal, and Germany's president backed them.")
    # "Social" makes another party's name; the focus is Germany (three mentions to one)
    assert rcode(resolver, doc, "The Social Democrats") == "DEUPTY"


def test_labour_is_the_party_of_the_story_country(resolve: Callable[[str], Document],
                                                  resolver: ActorResolver) -> None:
    doc = resolve("New Zealand's government fell. Voters in New Zealand went to the polls, "
                  "and Labour won a majority.")
    assert rcode(resolver, doc, "Labour") == "NZLPTY"


def test_period_head_of_state_beats_the_context(resolve: Callable[[str], Document],
                                                resolver: ActorResolver) -> None:
    doc = resolve("The United States tightened its embargo. Washington said Fidel Castro "
                  "had handed power to his brother.")
    # a known person's country beats the country the article is about
    assert rcode(resolver, doc, "Fidel Castro") == "CUBGOV"


# ------------------------------------------------------------------------- must leave alone
def test_us_democrats_stay_american(resolve: Callable[[str], Document],
                                    resolver: ActorResolver) -> None:
    doc = resolve("Senate Democrats blocked the bill in Washington. Republicans said the "
                  "United States needed it.")
    assert rcode(resolver, doc, "Democrats") == "USAPTY"
    assert rcode(resolver, doc, "Republicans") == "USAPTY"


def test_us_democrats_in_a_foreign_story_that_names_the_us(
        resolve: Callable[[str], Document], resolver: ActorResolver) -> None:
    doc = resolve("Iraq's parliament met in Baghdad. Iraq's prime minister said Democrats in "
                  "the US Congress wanted troops out of Iraq.")
    # the US is named ("the US Congress"), so the bare word keeps its US reading
    assert rcode(resolver, doc, "Democrats") == "USAPTY"
