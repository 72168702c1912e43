"""Event dates, round 13 (session 30): dates that belong to another thing or bound a period,
a reported act told in the past perfect, and "where" clauses. Published Wednesday 20 November
2019; values worked out with a calendar (Sunday the 17th, Monday the 18th, Tuesday the 19th)."""

from __future__ import annotations

import pytest

from tests.time.conftest import dated_event


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # a date written before another noun is that thing's time, not the saying's
        ("Both parties condemned Sunday's attack on the embassy.", "condemned", "ACCUSE"),
        ("Abbas has threatened a July referendum on the manifesto.", "threatened", "THREATEN"),
        ("A court has sentenced a policeman to four years in prison for the 1983 killing of a "
         "dissident.", "sentenced", "ACCUSE"),
        # "on" a dated thing is its topic, not the occasion
        ("Lawmakers grilled Vindman, a top aide to Pence, on Trump's July 25 phone call with "
         "Zelensky.", "grilled", "ACCUSE"),
        # a date that ends a period or starts the period of a perfect dates no act in it
        ("China closed its border with Kyrgyzstan temporarily, until March 28.", "closed",
         "COERCE"),
        ("Over 400 Palestinians have been killed since June by attacks.", "killed", "ASSAULT"),
        ("Sporadic clashes continued through Tuesday.", "clashes", "ASSAULT"),
        # a reported act told in the past perfect came before the saying
        ("Downer told parliament today that he had made a direct request to the government.",
         "request", "REQUEST"),
    ],
)
def test_a_date_of_another_thing_or_a_period_stays_off_the_event(text: str, trigger: str,
                                                                 type_: str) -> None:
    assert dated_event(text, trigger, type_) is None


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "value"),
    [
        # the thing the date is written before is the event itself, or the act's occasion
        ("Both parties condemned Sunday's attack on the embassy.", "attack", "ASSAULT",
         "2019-11-17"),
        ("A court has sentenced a policeman to four years in prison for the 1983 killing of a "
         "dissident.", "killing", "ASSAULT", "1983"),
        ("Three people were killed in Monday's bombing in the capital.", "killed", "ASSAULT",
         "2019-11-18"),
        ("Two agents died in a 1975 shoot-out on the reservation.", "shoot", "ASSAULT", "1975"),
        ("He called for an inquiry into the March 12 rape and murder of a girl.", "murder",
         "ASSAULT", "2019-03-12"),
        # a date right after a preposition is its object, whatever noun follows it
        ("On June 16th attackers believed to be members of the FNL massacred six "
         "churchgoers in the district.", "massacred", "ASSAULT", "2019-06-16"),
        # a material act done to a dated thing happens at its time
        ("Opposition parties boycotted Sunday's poll.", "boycotted", "PROTEST", "2019-11-17"),
        # a "when" clause tells what happened at the thing the date is written before
        ("He testified about a July 10 meeting at the White House when the envoy told "
         "officials they would need to deliver.", "need", "DEMAND", "2019-07-10"),
        # "since" on an act that is not a perfect dates it
        ("The U.S. has had a trade embargo imposed on the country since 1962.", "imposed",
         "SANCTION", "1962"),
        # a reported act that is not in the past perfect keeps the saying's date, a promise
        # told with "would" too
        ("The president said on Tuesday that China is going to have to make a deal.", "make",
         "DEMAND", "2019-11-19"),
        ("The officials said on Tuesday they would provide 100 doses of the vaccine.",
         "provide", "AGREE", "2019-11-19"),
        # the dated medium the saying is made in is its occasion
        ("In a Nov. 5 letter to the secretary, the doctors said they would provide 100 doses "
         "of the vaccine.", "provide", "AGREE", "2019-11-05"),
        # a "where" clause happens at the occasion it hangs on
        ("In Iran on Sunday, Nicaraguan president Daniel Ortega met Grand Ayatollah Ali "
         "Khamenei where both leaders criticised American imperialism and shared an opinion.",
         "criticised", "ACCUSE", "2019-11-17"),
        ("Police hope to avoid the clashes that marked the last WTO conference in Cancun, "
         "Mexico, in 2003, where a protester was killed by police.", "killed", "ASSAULT",
         "2003"),
    ],
)
def test_the_event_keeps_its_own_date(text: str, trigger: str, type_: str,
                                      value: str) -> None:
    assert dated_event(text, trigger, type_) == value


def test_a_where_clause_with_no_date_above_stays_undated() -> None:
    text = "The rebels seized the town where they killed two soldiers."
    assert dated_event(text, "killed", "ASSAULT") is None
