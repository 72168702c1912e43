#!/usr/bin/env bash
# Assemble the Wikinews event gold files from annotators' files (see wikinews_gold.py for their format).
#   bash scripts/gold/build_wikinews_gold.sh UNITS.jsonl FIRST_DIR SECOND_DIR
# FIRST_DIR holds the first annotation (<task>.A.jsonl, <task>.B.jsonl), SECOND_DIR the independent second
# annotation of the test split (<task>.C.jsonl). Splits (docs/annotation-events.md §15):
#   test  = task files test-*.A plus the first five articles of train-001 (moved to the test split so that it
#           has >= 600 units; annotated by B, never trained on or error-analysed)
#   dev   = the rest of train-001..003 (B): scored during development, never trained on
#   train = every other train file (train-023/024 in A's version; B's version is their second annotation)
set -euo pipefail
units=$1; first=$2; second=$3
here=$(dirname "$0"); gold=$here/../../gold
conv() { python3 "$here/wikinews_gold.py" --units "$units" "$@"; }
moved='wikinews-en:(86009|63902|32132|113798|85425)"'
tmp=$(mktemp -d)
grep -E "\"id\": \"$moved" "$first/train-001.B.jsonl" > "$tmp/moved.jsonl"
grep -vE "\"id\": \"$moved" "$first/train-001.B.jsonl" > "$tmp/train-001.rest.jsonl"
conv "$first"/test-00?.A.jsonl "$tmp/moved.jsonl" > "$gold/events-wikinews-test.jsonl"
conv "$tmp/train-001.rest.jsonl" "$first"/train-00[23].B.jsonl > "$gold/events-wikinews-dev.jsonl"
train=$(ls "$first"/train-*.jsonl | grep -vE 'train-00[123]\.B|train-02[34]\.B')
conv $train > "$gold/events-wikinews-train.jsonl"
conv "$first"/train-02[34].B.jsonl > "$gold/events-wikinews-train-second-annotator.jsonl"
if ls "$second"/test-*.C.jsonl >/dev/null 2>&1; then
  conv "$second"/test-*.C.jsonl > "$gold/events-wikinews-test-second-annotator.jsonl"
fi
python3 "$here/write_heldout.py" "$gold/events-wikinews-test.jsonl" $(ls "$gold/events-wikinews-test-second-annotator.jsonl" 2>/dev/null)
rm -r "$tmp"
wc -l "$gold"/events-wikinews-*.jsonl
