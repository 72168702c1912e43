#!/usr/bin/env bash
# Assemble session 45's blind events set dev18 from the annotators' files (no quotes set was made with it): 40
# Wikinews articles chosen by `python scripts/gold/make_dev13_units.py --seed 4646 --name dev18 --out DIR` once
# gold/events-wikinews-train5.jsonl was in the tree (docs/annotation-events.md, "Eighteenth Wikinews development set").
# The files DIR holds: build_blind_sets.sh.
#   bash scripts/gold/build_dev18.sh UNITS.jsonl DIR
set -euo pipefail
exec bash "$(dirname "$0")/build_blind_sets.sh" dev18 - "$@"
