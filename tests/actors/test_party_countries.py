"""Round 24b (docs/actors.md, "Round 24b: actor codes"): the US parties' words read in another
country's story, party names that many countries share, and office holders of the corpus years.
Sentences written for these tests; every expected code worked out by hand from the rules in
docs/actors.md."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from diurna.actors import ActorResolver
from diurna.model import Document

# (text, phrase, code): each failed on the tree before round 24b (checked)
MUST_CHANGE = [
    # the possessor names the party's country, though the text also names the US
    ("Thailand's Democrats boycotted the vote. The US embassy in Bangkok said nothing.",
     "Thailand's Democrats", "THAPTY"),
    # the US is named nowhere: the party is the focus state's (Thailand, named three times)
    ("Protesters marched in Bangkok on Sunday. Thailand's election commission met. The Democrat "
     "party said it would appeal to Thailand's courts.", "The Democrat party", "THAPTY"),
    # "Social" makes another party's name; the focus is Germany (three mentions to one)
    ("Germany's chancellor met US envoys in Berlin. The Social Democrats criticised the deal, "
     "and Germany's president backed them.", "The Social Democrats", "DEUPTY"),
    # a name many countries' parties share: the story's country
    ("New Zealand's government fell. Voters in New Zealand went to the polls, and Labour won a "
     "majority.", "Labour", "NZLPTY"),
    # a known person's country beats the country the article is about
    ("The United States tightened its embargo. Washington said Fidel Castro had handed power "
     "to his brother.", "Fidel Castro", "CUBGOV"),
]

# (text, phrase, code): the US parties stay American where the text is about the US or names it
LEAVE_ALONE = [
    ("Senate Democrats blocked the bill in Washington. Republicans said the United States "
     "needed it.", "Republicans", "USAPTY"),
    ("Senate Democrats blocked the bill in Washington. Republicans said the United States "
     "needed it.", "Democrats", "USAPTY"),
    # an Iraq story that names the US Congress: the bare word keeps its US reading
    ("Iraq's parliament met in Baghdad. Iraq's prime minister said Democrats in the US Congress "
     "wanted troops out of Iraq.", "Democrats", "USAPTY"),
    # lower-case "liberal" describes US Democrats; it is not the UK party's name
    ("In Washington, liberal Democrats in the House opposed the war funding bill.",
     "liberal Democrats", "USAPTY"),
    # the UK party keeps its country in a British story
    ("Britain's Liberal Democrats called for an inquiry in London.", "Liberal Democrats", "GBRPTY"),
]


def rcode(resolver: ActorResolver, doc: Document, phrase: str) -> str | None:
    """Code that ``resolve_span`` gives the first occurrence of ``phrase``."""
    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.text)
    assert found is not None
    m = resolver.resolve_span(doc, found.start(), found.end())
    return m.actor.cameo if m is not None and m.actor is not None else None


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_party_and_person_codes(resolve: Callable[[str], Document], resolver: ActorResolver,
                                text: str, phrase: str, code: str) -> None:
    assert rcode(resolver, resolve(text), phrase) == code
