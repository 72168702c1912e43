#!/usr/bin/env bash
# Assemble a pair of blind sets made on the same 40 Wikinews articles from the annotators' files: an events set
# and a quotes set (sessions 37 and 38: build_dev13.sh and build_dev14.sh call this with their names).
#   bash scripts/gold/build_blind_sets.sh EVENTS QUOTES UNITS.jsonl DIR
# EVENTS, QUOTES: the sets' names (e.g. dev14, dev7); QUOTES "-" for an events set alone (then DIR needs no quotes
# files). UNITS.jsonl: the units of the 40 articles (EVENTS-1 = the
# first 20, EVENTS-2 = the last 20). DIR holds ann/EVENTS-1.A.jsonl and ann/EVENTS-2.B.jsonl (events, one
# annotator per half), second/EVENTS-2.C.jsonl (a blind second events annotation of EVENTS-2, agreement only),
# quotes/QUOTES-1.D.jsonl and quotes/QUOTES-2.D.jsonl (quotes, one annotator per half) and
# quotes-second/QUOTES-second.E.jsonl (a blind second quotes annotation of EVENTS-2, agreement only).
# Each of the six files is a different annotator's, blind to Diurna's output and to the others.
set -euo pipefail
events=$1; quotes=$2; units=$3; dir=$4
here=$(dirname "$0"); gold=$here/../../gold
python3 "$here/wikinews_gold.py" --units "$units" "$dir/ann/$events-1.A.jsonl" "$dir/ann/$events-2.B.jsonl" \
  > "$gold/events-wikinews-$events.jsonl"
python3 "$here/wikinews_gold.py" --units "$units" "$dir/second/$events-2.C.jsonl" \
  > "$gold/events-wikinews-$events-second-annotator.jsonl"
if [ "$quotes" = - ]; then  # an events set alone (session 45's dev18)
  wc -l "$gold/events-wikinews-$events"*.jsonl
  exit 0
fi
python3 "$here/quotes_gold.py" --units "$units" --done-only "$dir/quotes/$quotes-1.D.jsonl" \
  "$dir/quotes/$quotes-2.D.jsonl" > "$gold/quotes-wikinews-$quotes.jsonl"
python3 "$here/quotes_gold.py" --units "$units" --done-only "$dir/quotes-second/$quotes-second.E.jsonl" \
  > "$gold/quotes-wikinews-$quotes-second-annotator.jsonl"
wc -l "$gold/events-wikinews-$events"*.jsonl "$gold/quotes-wikinews-$quotes"*.jsonl
