#!/usr/bin/env bash
# Assemble the blind sets of session 38 from the annotators' files: the events set dev14 and the
# quotes set dev7, both on the same 40 Wikinews articles, chosen by
# `python scripts/gold/make_dev13_units.py --seed 3838 --name dev14 --out DIR` at e44508b's gold
# (docs/annotation-events.md, "Fourteenth Wikinews development set"; docs/quotes.md, part 49).
# The files DIR holds: build_blind_sets.sh.
#   bash scripts/gold/build_dev14.sh UNITS.jsonl DIR
set -euo pipefail
exec bash "$(dirname "$0")/build_blind_sets.sh" dev14 dev7 "$@"
