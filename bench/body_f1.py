"""Article-body P/R/F1 of trafilatura alone and of Diurna's page stage, side by side.

    .venv/bin/python bench/body_f1.py [GOLD_DIR...] [--worst N] [--per-page FILE.tsv]
        [--sites all|dev|held]

GOLD_DIR defaults to both development sets: shared/gold/article-body (the benchmark pages) and
shared/gold/article-body-modern (2023-2026 pages). ``--worst N`` lists each system's N worst
pages with trafilatura's F1 beside them and why (the paragraph with the most extra shingles, or
the gold line with the most missed ones). The metric is the Zyte Article Extraction
Benchmark's (see diurna.evaluate.body). ``--sites dev`` / ``held`` scores only the development
sites or the held-out third (a fixed hash of each page's site, ``diurna.evaluate.body.held_out``).
"""

from __future__ import annotations

import sys

from diurna.evaluate.body import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
