"""The learned link decision: a logistic model over features of a pair of reports.

The hand rules (:mod:`diurna.clusters.link`) each test one thing with a threshold tuned on few
positive pairs. Here the same evidence, and some the rules do not use (the names both articles
mention, the titles, the day gap, the status), is turned into numbers per pair and weighed by a
logistic model trained on hand-judged pairs (``scripts/train_cluster_linker.py``, seeded; its
threshold chosen by cross-validation). The weights ship as ``link_weights.json`` beside this
module. Hard tests stay in the linker: different articles, the same type, date spans that
overlap (docs/clusters.md).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diurna.duplicates.minhash import jaccard

if TYPE_CHECKING:
    from diurna.clusters.link import Linker, Report

WEIGHTS = Path(__file__).with_name("link_weights.json")
LINKERS = ("learned", "rules")
DEFAULT_LINKER = "learned"
MAX_GAP = 10  # days: gaps beyond this say nothing more
SLACK = 7  # days apart two date spans may be (reports recall events with dates resolved apart)
EARTH = 20_000.0  # km: about the farthest two places can be
# PLOVER's material types (deeds, not words). At equal evidence the share of "same" pairs differs
# between deeds and statements (a statement repeated in general terms, as two interviews' one
# question, is no one occurrence), so the type family is a feature: a threshold per family,
# learned with the other weights (round 17, cross-validated; deeds weigh up).
MATERIAL = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                      "ASSAULT"})

FEATURES = (
    "similarity",  # TF-IDF cosine of sentence + title words (what the rules threshold)
    "sentence_similarity",  # TF-IDF cosine of the two sentences alone
    "title_similarity",  # TF-IDF cosine of the two articles' titles
    "shared_counts",  # counts (other than 0 and 1) both sentences give
    "count_clash",  # both give counts, none shared
    "day_gap",  # days between the middles of the two date spans (capped), / MAX_GAP
    "both_day",  # both dated to the day by their text
    "either_undated",  # one has no date of its own (publication window only)
    "same_country",  # place countries: +1 same, -1 different, 0 one unknown
    "same_admin1",  # first-level regions: +1 same, -1 different, 0 one unknown
    "log_km",  # log distance between the places (0 when unknown)
    "place_unknown",  # either place unknown
    "same_place_text",  # places written alike
    "actor_agree",  # actor countries: +1 same, -1 clash, 0 one unknown
    "recipient_agree",  # recipient countries: +1 same, -1 clash, 0 one unknown
    "aggregate",  # either sentence a running total or general statement
    "same_status",  # both asserted, both claimed ...
    "mode_agree",  # PLOVER modes (the sub-type): +1 same, -1 different, 0 one unknown (round 17)
    "same_source",  # the same publisher
    "shared_names",  # IDF-weighted overlap of the names both articles mention
    "sentence_names",  # names of one sentence the other article mentions (0..1)
    "rules_pass",  # the hand rules' place, side, count, incident and word tests all pass
    "span_gap",  # days between the two date spans (0: they overlap), / SLACK
    "same_trigger",  # the same event word (stemmed)
    "side_overlap",  # Jaccard of the actor and recipient names' words (0: either has none)
    "same_day",  # both dated to the day by their text, and to the same day
    "recalled",  # a deed (MATERIAL): share of the sentences recalling it as an earlier one (0..1)
    "toll_clash",  # both give counts of people (tolls), none shared
    "material",  # the type is a material act (MATERIAL), not a statement
    "modal_one",  # one sentence speaks of what will, could or may happen, the other does not
)


def _agree(x: str | None, y: str | None) -> float:
    return 0.0 if not x or not y else (1.0 if x == y else -1.0)


def _middle(r: Report) -> float:
    assert r.span is not None
    return (r.span[0].toordinal() + r.span[1].toordinal()) / 2


def _span_gap(a: Report, b: Report) -> float:
    if a.span is None or b.span is None:
        return float(SLACK)
    days = max((b.span[0] - a.span[1]).days, (a.span[0] - b.span[1]).days, 0)
    return float(min(days, SLACK))


def features(linker: Linker, a: Report, b: Report) -> list[float]:
    """The pair's feature values, in the order of :data:`FEATURES`."""
    from diurna.clusters.link import cosine, km, same_place_name

    if "learn" not in linker.memo:
        linker.memo["learn"] = _collection_cache(linker)
    cache = linker.memo["learn"]
    sent_v, title_v, name_idf = cache["sentence"], cache["title"], cache["names"]
    shared = a.numbers & b.numbers - {0, 1}
    gap = abs(_middle(a) - _middle(b)) if a.span and b.span else MAX_GAP
    known = a.lat is not None and b.lat is not None
    union = a.names | b.names
    # fsum: a set's order follows the hash seed, and a plain sum's last bit with it
    weight = math.fsum(name_idf.get(n, 0.0) for n in union)
    cross = len(a.sentence_names & b.names) + len(b.sentence_names & a.names)
    cross_of = len(a.sentence_names) + len(b.sentence_names)
    return [
        linker.similarity(a, b),
        cosine(sent_v[a.id], sent_v[b.id]),
        cosine(title_v[a.doc_id], title_v[b.doc_id]),
        min(len(shared), 3) / 3,
        float(bool(a.numbers and b.numbers and not a.numbers & b.numbers)),
        min(gap, MAX_GAP) / MAX_GAP,
        float(a.date_precision == "day" and b.date_precision == "day"),
        float(not a.date_value or not b.date_value),
        _agree(a.place_country, b.place_country),
        _agree(a.place_admin1, b.place_admin1),
        math.log1p(km(a, b)) / math.log1p(EARTH) if known else 0.0,
        float(not known),
        float(same_place_name(a, b)),
        _agree(a.actor_country, b.actor_country),
        _agree(a.recipient_country, b.recipient_country),
        float(a.aggregate or b.aggregate),
        float(a.status == b.status),
        _agree(a.mode, b.mode),
        float(a.source == b.source),
        math.fsum(name_idf.get(n, 0.0) for n in a.names & b.names) / weight if weight else 0.0,
        cross / cross_of if cross_of else 0.0,
        float(linker.rule_failure(a, b) is None),
        _span_gap(a, b) / SLACK,
        float(bool(a.trigger) and a.trigger == b.trigger),
        jaccard(a.side_words, b.side_words),
        float(a.date_precision == b.date_precision == "day" and a.span == b.span),
        # a recalled deed is often one big event other stories recall (21 of 54 such dev and
        # training pairs are "same", 13 % of other deeds'); a recalled statement is not (5 of 27)
        (a.recalled + b.recalled) / 2 if a.type in MATERIAL else 0.0,
        float(bool(a.tolls and b.tolls and not a.tolls & b.tolls)),
        float(a.type in MATERIAL),
        float(a.modal != b.modal),
    ]


def _collection_cache(linker: Linker) -> dict[str, Any]:
    """Per-collection weights the features need: sentence and title vectors, name IDF."""
    from diurna.clusters.link import idf, vector

    reps = linker.reports
    sent_idf = idf(r.sentence_tokens for r in reps)
    docs = {r.doc_id: r for r in reps}
    title_idf = idf(r.title_tokens for r in docs.values())
    name_idf = idf(r.names for r in docs.values())
    return {
        "sentence": {r.id: vector(r.sentence_tokens, sent_idf) for r in reps},
        "title": {d: vector(r.title_tokens, title_idf) for d, r in docs.items()},
        "names": name_idf,
    }


@dataclass(frozen=True)
class LogisticLink:
    """A logistic model over :func:`features` (standardised by ``mean`` and ``scale``)."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    agreement: float = 0.2  # share of cross links two clusters need to join (cross-validated)
    slack: int = SLACK  # days two reports' date spans may lie apart and still be compared
    # fingerprint of the training rows (:mod:`diurna.reproduce`): tells a retrain's cause
    rows_sha256: str = ""

    def score(self, values: list[float]) -> float:
        """The model's probability for one pair's feature values."""
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in
                            zip(self.weights, values, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def probability(self, linker: Linker, a: Report, b: Report) -> float:
        """How likely the two reports are one event."""
        return self.score(features(linker, a, b))

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> LogisticLink:
        """The model written by ``scripts/train_cluster_linker.py``."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: cannot read the link model ({exc}); retrain it with "
                             "scripts/train_cluster_linker.py or use --linker rules") from exc
        if tuple(data["names"]) != FEATURES:
            raise ValueError(f"{path}: features differ from this version's; retrain it with "
                             "scripts/train_cluster_linker.py or use --linker rules")
        return cls(tuple(data["names"]), tuple(data["mean"]), tuple(data["scale"]),
                   tuple(data["weights"]), float(data["bias"]), float(data["threshold"]),
                   float(data["agreement"]), int(data["slack"]), data.get("rows_sha256", ""))

    def to_json(self) -> str:
        """The model as the JSON text :meth:`load` reads."""
        return json.dumps({"names": self.names, "mean": self.mean, "scale": self.scale,
                           "weights": self.weights, "bias": self.bias,
                           "threshold": self.threshold, "agreement": self.agreement,
                           "slack": self.slack}
                          | ({"rows_sha256": self.rows_sha256} if self.rows_sha256 else {}),
                          indent=1) + "\n"


@cache
def _shipped() -> LogisticLink:
    return LogisticLink.load()


def link_model(linker: str) -> LogisticLink | None:
    """The model of the named linker (None: the hand rules)."""
    if linker not in LINKERS:
        raise ValueError(f"unknown linker {linker!r}: use one of {', '.join(LINKERS)}")
    return _shipped() if linker == "learned" else None
