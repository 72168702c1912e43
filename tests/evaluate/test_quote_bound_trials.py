"""bench/quote_bound_trials.py: each alternative bound changes only the content it describes."""

from __future__ import annotations

from types import ModuleType

from tests.scripts import load_file

from diurna.evaluate import quotes as scorer


def _bench() -> ModuleType:
    return load_file("bench/quote_bound_trials.py")


def _cand(text: str, content: str, cue: str) -> scorer.Attribution:
    start = text.index(content)
    part = scorer.Spn(start, start + len(content), content)
    c = text.index(cue)
    return scorer.Attribution(kind="indirect", content=[part], cue=scorer.Spn(c, c + len(cue), cue),
                              tokens=scorer.tokens_of(text, [part]))


def test_dangling_runs_on_to_the_sentence_end() -> None:
    bench = _bench()
    text = "He admitted there had been talks, but only on hostages. Then he left."
    alt = bench.alternative(_cand(text, "there had been talks, but", "admitted"), text,
                            bench.dangling)
    assert alt is not None
    assert alt.content[0].text == "there had been talks, but only on hostages."


def test_relative_clause_is_cut_before_its_comma() -> None:
    bench = _bench()
    text = "They accused him of fraud, which forced him to resign."
    alt = bench.alternative(_cand(text, "him of fraud, which forced him to resign", "accused"),
                            text, bench.relative)
    assert alt is not None
    assert alt.content[0].text == "him of fraud"
    assert alt.tokens == scorer.tokens_of(text, alt.content)


def test_quote_after_a_dangling_and_is_taken_in() -> None:
    bench = _bench()
    text = 'She said he was drunk and "a danger to himself." Police came.'
    alt = bench.alternative(_cand(text, "he was drunk and", "said"), text, bench.quote_after)
    assert alt is not None
    assert alt.content[0].text == 'he was drunk and "a danger to himself."'


def test_no_alternative_when_nothing_applies_or_content_precedes_its_cue() -> None:
    bench = _bench()
    text = "Prices will rise, officials said, but nobody knows when."
    before = _cand(text, "Prices will rise", "said")
    assert bench.alternative(before, text, bench.but_clause) is None  # content before the cue
    plain = "He said prices will rise. Nobody knows when."
    assert bench.alternative(_cand(plain, "prices will rise", "said"), plain,
                             bench.relative) is None
