#!/usr/bin/env bash
# Assemble the blind sets of session 37 from the annotators' files: the events set dev13 and the
# quotes set dev6, both on the same 40 Wikinews articles (docs/annotation-events.md, "Thirteenth
# Wikinews development set"; docs/quotes.md, part 44). The files DIR holds: build_blind_sets.sh.
#   bash scripts/gold/build_dev13.sh UNITS.jsonl DIR
set -euo pipefail
exec bash "$(dirname "$0")/build_blind_sets.sh" dev13 dev6 "$@"
