#!/usr/bin/env bash
# Assemble one Wikinews training set, gold/events-wikinews-NAME.jsonl, from its annotators' part files
# DIR/NAME-1.jsonl, DIR/NAME-2.jsonl, ... (each part 20 articles, annotated once by a helper session blind to
# Diurna's output; every part holds complete articles only: wikinews_gold.py --check, 0 problems, 0 missing).
# Session 45's sets (docs/annotation-events.md, "A fifth set of training articles" and after):
#   train5  600 articles, 1,200-3,500 characters   make_dev13_units.py --seed 4545 --name train5 --articles 600
#   train6  139 articles, 3,501-7,000 characters   ... --seed 4747 --name train6 --articles 200 --chars 3501 7000 --sentences 3 60
#   train7  300 articles, 400-1,199 characters     ... --seed 4848 --name train7 --articles 300 --chars 400 1199
# Session 46's (docs/annotation-events.md, "The last unnamed articles ..."): train8 (seed 4949, 120), train9 (5050,
# 260, 400-1,199), train10 (5151, 38 of 40, 3,501-7,000), train11 (5252, 33 of 40, over 7,000; its parts cut by article
# into seven tasks, DIR/train11-1 ... -7).
#   bash scripts/gold/build_training_set.sh NAME UNITS.jsonl DIR
set -euo pipefail
name=$1; units=$2; ann=$3
here=$(dirname "$0"); gold=$here/../../gold
parts=$(ls "$ann/$name"-*.jsonl | sort -t- -k2 -n)
python3 "$here/wikinews_gold.py" --units "$units" --check $parts
python3 "$here/wikinews_gold.py" --units "$units" $parts > "$gold/events-wikinews-$name.jsonl"
wc -l "$gold/events-wikinews-$name.jsonl"
