#!/usr/bin/env bash
# Assemble the blind sets of session 42 from the annotators' files: the events set dev16 and the
# quotes set dev9, both on the same 40 Wikinews articles, chosen by
# `python scripts/gold/make_dev13_units.py --seed 4242 --name dev16 --out DIR` at fa13b9b
# (docs/annotation-events.md, "Sixteenth Wikinews development set"; docs/quotes.md, part 57).
# The files DIR holds: build_blind_sets.sh.
#   bash scripts/gold/build_dev16.sh UNITS.jsonl DIR
set -euo pipefail
exec bash "$(dirname "$0")/build_blind_sets.sh" dev16 dev9 "$@"
