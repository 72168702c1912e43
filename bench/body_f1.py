"""Article-body P/R/F1 of trafilatura alone and of Diurna's page stage, side by side.

    .venv/bin/python bench/body_f1.py [GOLD_DIR] [--worst N]

GOLD_DIR defaults to shared/gold/article-body. The metric is the Zyte Article Extraction
Benchmark's (see diurna.evaluate.body).
"""

from __future__ import annotations

import sys

from diurna.evaluate.body import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
