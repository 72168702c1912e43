#!/usr/bin/env bash
# Assemble the blind sets of session 44 from the annotators' files: the events set dev17 and the
# quotes set dev10, both on the same 40 Wikinews articles, chosen by
# `python scripts/gold/make_dev13_units.py --seed 4444 --name dev17 --out DIR` at 063596d
# (docs/annotation-events.md, "Seventeenth Wikinews development set"; docs/quotes.md, part 63).
# The files DIR holds: build_blind_sets.sh.
#   bash scripts/gold/build_dev17.sh UNITS.jsonl DIR
set -euo pipefail
exec bash "$(dirname "$0")/build_blind_sets.sh" dev17 dev10 "$@"
