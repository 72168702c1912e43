#!/usr/bin/env bash
# Assemble the Wikinews quote (attribution) gold files from annotators' files (format: quotes_gold.py).
#   bash scripts/gold/build_quotes_gold.sh UNITS.jsonl FIRST_DIR SECOND_DIR [TRAIN2_UNITS TRAIN2_DIR
#        [DEV2_UNITS DEV2_DIR [DEV3_UNITS DEV3_DIR [DEV4_UNITS DEV4_DIR [DEV5_UNITS DEV5_DIR]]]]]
# FIRST_DIR holds the first annotation (<task>.D.jsonl): test-001..007 are the frozen test split,
# train-* the training/development split. SECOND_DIR holds the second annotator's test-*.E.jsonl
# (articles without a done line are left out: that annotation may still be in progress).
# TRAIN2_DIR holds train2-*.D.jsonl, the second set of training articles (those of
# gold/events-wikinews-train2.jsonl, annotated in session 20; units in TRAIN2_UNITS), and
# train2-second.E.jsonl, a blind second annotation of 20 of them (agreement only).
# DEV2_DIR holds dev2-1.D.jsonl and dev2-2.D.jsonl, the blind annotation (session 23) of the 40
# articles of gold/events-wikinews-dev6.jsonl and dev7 (units in DEV2_UNITS): the blind dev2 split,
# and dev2-second.E.jsonl, a blind second annotation of 20 of them (agreement only).
# DEV3_DIR holds dev3-1.D.jsonl, the blind annotation (session 25) of the first 20 articles of
# gold/events-wikinews-dev11.jsonl (units in DEV3_UNITS): the blind dev3 split, and
# dev3-second.E.jsonl, a blind second annotation of the same 20 articles (agreement only).
# DEV4_DIR holds dev4-1.D.jsonl, the blind annotation (session 29) of the last 20 articles of
# gold/events-wikinews-dev11.jsonl (units in DEV4_UNITS): the blind dev4 split, and
# dev4-second.E.jsonl, a blind second annotation of the same 20 articles (agreement only).
# DEV5_DIR holds dev5-1.D.jsonl and dev5-2.D.jsonl, the blind annotation (session 32) of the 40
# articles of gold/events-wikinews-dev12.jsonl (units in DEV5_UNITS, the events dev12 units): the
# blind dev5 split, and dev5-second.E.jsonl, a blind second annotation of its last 20 (agreement only).
set -euo pipefail
units=$1; first=$2; second=$3
here=$(dirname "$0"); gold=$here/../../gold
conv() { python3 "$here/quotes_gold.py" --units "$units" "$@"; }
conv "$first"/test-*.D.jsonl > "$gold/quotes-wikinews-test.jsonl"
conv "$first"/train-*.D.jsonl > "$gold/quotes-wikinews-train.jsonl"
if ls "$second"/test-*.E.jsonl >/dev/null 2>&1; then
  conv --done-only "$second"/test-*.E.jsonl > "$gold/quotes-wikinews-test-second-annotator.jsonl"
fi
if [ $# -ge 5 ]; then
  python3 "$here/quotes_gold.py" --units "$4" "$5"/train2-*.D.jsonl > "$gold/quotes-wikinews-train2.jsonl"
  if [ -f "$5/train2-second.E.jsonl" ]; then
    python3 "$here/quotes_gold.py" --units "$4" "$5/train2-second.E.jsonl" \
      > "$gold/quotes-wikinews-train2-second-annotator.jsonl"
  fi
fi
if [ $# -ge 7 ]; then
  python3 "$here/quotes_gold.py" --units "$6" "$7"/dev2-*.D.jsonl > "$gold/quotes-wikinews-dev2.jsonl"
  if [ -f "$7/dev2-second.E.jsonl" ]; then
    python3 "$here/quotes_gold.py" --units "$6" "$7/dev2-second.E.jsonl" \
      > "$gold/quotes-wikinews-dev2-second-annotator.jsonl"
  fi
fi
if [ $# -ge 9 ]; then
  python3 "$here/quotes_gold.py" --units "$8" "$9"/dev3-*.D.jsonl > "$gold/quotes-wikinews-dev3.jsonl"
  if [ -f "$9/dev3-second.E.jsonl" ]; then
    python3 "$here/quotes_gold.py" --units "$8" "$9/dev3-second.E.jsonl" \
      > "$gold/quotes-wikinews-dev3-second-annotator.jsonl"
  fi
fi
if [ $# -ge 11 ]; then
  python3 "$here/quotes_gold.py" --units "${10}" "${11}"/dev4-*.D.jsonl > "$gold/quotes-wikinews-dev4.jsonl"
  if [ -f "${11}/dev4-second.E.jsonl" ]; then
    python3 "$here/quotes_gold.py" --units "${10}" "${11}/dev4-second.E.jsonl" \
      > "$gold/quotes-wikinews-dev4-second-annotator.jsonl"
  fi
fi
if [ $# -ge 13 ]; then
  python3 "$here/quotes_gold.py" --units "${12}" "${13}"/dev5-*.D.jsonl > "$gold/quotes-wikinews-dev5.jsonl"
  if [ -f "${13}/dev5-second.E.jsonl" ]; then
    python3 "$here/quotes_gold.py" --units "${12}" "${13}/dev5-second.E.jsonl" \
      > "$gold/quotes-wikinews-dev5-second-annotator.jsonl"
  fi
fi
python3 "$here/write_heldout.py" "$gold/quotes-wikinews-test.jsonl" $(ls "$gold/quotes-wikinews-test-second-annotator.jsonl" 2>/dev/null)
wc -l "$gold"/quotes-wikinews-*.jsonl
