#!/usr/bin/env bash
# Assemble the blind sets of session 41 from the annotators' files: the events set dev15 and the
# quotes set dev8, both on the same 40 Wikinews articles, chosen by
# `python scripts/gold/make_dev13_units.py --seed 4141 --name dev15 --out DIR` at 0ad9bfb
# (docs/annotation-events.md, "Fifteenth Wikinews development set"; docs/quotes.md, part 54a).
# The files DIR holds: build_blind_sets.sh.
#   bash scripts/gold/build_dev15.sh UNITS.jsonl DIR
set -euo pipefail
exec bash "$(dirname "$0")/build_blind_sets.sh" dev15 dev8 "$@"
