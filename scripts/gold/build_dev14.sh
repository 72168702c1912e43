#!/usr/bin/env bash
# Assemble the blind sets of session 38 from the annotators' files: the events set dev14 and the
# quotes set dev7, both on the same 40 Wikinews articles, chosen by
# `python scripts/gold/make_dev13_units.py --seed 3838 --name dev14 --out DIR` at e44508b's gold
# (docs/annotation-events.md, "Fourteenth Wikinews development set"; docs/quotes.md, part 49).
#   bash scripts/gold/build_dev14.sh UNITS.jsonl DIR
# UNITS.jsonl: the units of the 40 articles (dev14-1 = the first 20, dev14-2 = the last 20). DIR holds
# ann/dev14-1.A.jsonl and ann/dev14-2.B.jsonl (events, one annotator per half),
# second/dev14-2.C.jsonl (a blind second events annotation of dev14-2, agreement only),
# quotes/dev7-1.D.jsonl and quotes/dev7-2.D.jsonl (quotes, one annotator per half) and
# quotes-second/dev7-second.E.jsonl (a blind second quotes annotation of dev14-2, agreement only).
# Each of the six files is a different annotator's, blind to Diurna's output and to the others.
set -euo pipefail
units=$1; dir=$2
here=$(dirname "$0"); gold=$here/../../gold
python3 "$here/wikinews_gold.py" --units "$units" "$dir"/ann/dev14-1.A.jsonl "$dir"/ann/dev14-2.B.jsonl \
  > "$gold/events-wikinews-dev14.jsonl"
python3 "$here/wikinews_gold.py" --units "$units" "$dir"/second/dev14-2.C.jsonl \
  > "$gold/events-wikinews-dev14-second-annotator.jsonl"
python3 "$here/quotes_gold.py" --units "$units" --done-only "$dir"/quotes/dev7-1.D.jsonl \
  "$dir"/quotes/dev7-2.D.jsonl > "$gold/quotes-wikinews-dev7.jsonl"
python3 "$here/quotes_gold.py" --units "$units" --done-only "$dir"/quotes-second/dev7-second.E.jsonl \
  > "$gold/quotes-wikinews-dev7-second-annotator.jsonl"
wc -l "$gold"/events-wikinews-dev14*.jsonl "$gold"/quotes-wikinews-dev7*.jsonl
