#!/usr/bin/env bash
# Assemble the blind sets of session 37 from the annotators' files: the events set dev13 and the
# quotes set dev6, both on the same 40 Wikinews articles (docs/annotation-events.md, "Thirteenth
# Wikinews development set"; docs/quotes.md, part 44).
#   bash scripts/gold/build_dev13.sh UNITS.jsonl DIR
# UNITS.jsonl: the units of the 40 articles (dev13-1 = the first 20, dev13-2 = the last 20). DIR holds
# ann/dev13-1.A.jsonl and ann/dev13-2.B.jsonl (events, one annotator per half),
# second/dev13-2.C.jsonl (a blind second events annotation of dev13-2, agreement only),
# quotes/dev6-1.D.jsonl and quotes/dev6-2.D.jsonl (quotes, one annotator per half) and
# quotes-second/dev6-second.E.jsonl (a blind second quotes annotation of dev13-2, agreement only).
# Each of the six files is a different annotator's, blind to Diurna's output and to the others.
set -euo pipefail
units=$1; dir=$2
here=$(dirname "$0"); gold=$here/../../gold
python3 "$here/wikinews_gold.py" --units "$units" "$dir"/ann/dev13-1.A.jsonl "$dir"/ann/dev13-2.B.jsonl \
  > "$gold/events-wikinews-dev13.jsonl"
python3 "$here/wikinews_gold.py" --units "$units" "$dir"/second/dev13-2.C.jsonl \
  > "$gold/events-wikinews-dev13-second-annotator.jsonl"
python3 "$here/quotes_gold.py" --units "$units" --done-only "$dir"/quotes/dev6-1.D.jsonl \
  "$dir"/quotes/dev6-2.D.jsonl > "$gold/quotes-wikinews-dev6.jsonl"
python3 "$here/quotes_gold.py" --units "$units" --done-only "$dir"/quotes-second/dev6-second.E.jsonl \
  > "$gold/quotes-wikinews-dev6-second-annotator.jsonl"
wc -l "$gold"/events-wikinews-dev13*.jsonl "$gold"/quotes-wikinews-dev6*.jsonl
