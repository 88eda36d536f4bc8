#!/usr/bin/env bash
# The architecture's rules (README: "Layout of the code"; issue 17), for `make lint`:
#  - import-linter's contracts in pyproject.toml ([tool.importlinter]): the layers, one way down; no Qt or QGIS
#    in steps/, io/, store/, core/; the atlas runs no step and reads the store through store/queries.py only;
#    no import cycles. Imports inside functions count.
#  - tools/check_layout.py: no module over 600 lines, no import cycle between modules.
# Run from anywhere; uses the venv's tools (requirements-dev.txt pins import-linter).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
mkdir -p build
"$VENV/bin/lint-imports" --no-logo --cache-dir build/import-linter-cache
"$VENV/bin/python" tools/check_layout.py
