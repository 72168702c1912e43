"""Round 25 (docs/actors.md, "Round 25"): a body or group that names no country, with no state
named near it, is read in the state the story's first sentence is about (the lead state), not
the state the whole text names most; organisations added to the dictionary; "the PM" as a role
word; "Northern Ireland" as a name of the United Kingdom. Sentences written for these tests;
every expected code worked out by hand from the rules in docs/actors.md and the dictionary
entries (facts: the FDA is a US federal agency, the LTTE fought the government of Sri Lanka)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.actors import ActorResolver
from diurna.model import Document

# (text, phrase, code): each failed on the tree before round 25 (checked)
MUST_CHANGE = [
    # the story opens in Iceland (Icelandic, Iceland, Iceland's: three times); the US is named
    # most (United States, US, Washington, American: four times), but "The parliament", with no
    # state in its sentence or the one before, is Iceland's
    ("The Icelandic parliament voted on Tuesday to grant Bobby Fischer citizenship of Iceland. "
     "Fischer is held in Japan after the United States revoked his passport. The US wants him "
     "tried at home, and Washington has asked Japan to hand him over. Iceland's offer angered "
     "American officials. The vote took twelve minutes. The parliament said it acted on "
     "humanitarian grounds.", "The parliament", "ISLLEG"),
    # "the PM": the prime minister titled just before (Thailand's)
    ("Thailand's prime minister flew to New York on Monday. Thai officials said the trip was "
     "planned. The PM said he would return on Friday.", "The PM", "THAGOV"),
    # Northern Ireland is in the United Kingdom, not the Republic of Ireland
    ("Police in Northern Ireland arrested two men in Belfast.", "Police", "GBRCOP"),
    # organisations the dictionary lacked
    ("The Liberation Tigers of Tamil Eelam attacked a naval base.",
     "The Liberation Tigers of Tamil Eelam", "LKAREB"),
    ("The FDA approved the drug on Friday.", "The FDA", "USAGOV"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # the lead state is named once only (a visitor), so it does not set the story: the
    # government is that of the state the text names most (the US, three times)
    ("The Japanese ambassador attended a trade meeting on Monday. The United States announced "
     "new tariffs on steel. The US said the tariffs answer unfair subsidies, and Washington "
     "expects talks. The tariffs take effect next month. The government said exporters would "
     "be compensated.", "The government", "USAGOV"),
    # a clock time is not the prime minister
    ("The cabinet of Thailand met at 5 PM on Monday in Bangkok. Thai officials said the meeting "
     "was planned.", "5 PM", None),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_setting_and_organisation_codes(resolve: Callable[[str], Document],
                                        resolver: ActorResolver, text: str, phrase: str,
                                        code: str | None) -> None:
    doc = resolve(text)
    at = text.index(phrase)  # each phrase's first occurrence is the one meant
    m = resolver.resolve_span(doc, at, at + len(phrase))
    assert (m.actor.cameo if m is not None and m.actor is not None else None) == code
