#!/usr/bin/env bash
# mypy over the typed packages: by default those listed in pyproject.toml [tool.mypy] packages; given arguments
# (dotted package names, or files and folders), those instead, e.g.
#   tools/typecheck.sh                                  # what `make lint` checks
#   tools/typecheck.sh green_envoy_plugin.steps         # try a package before adding it to the list
# The configuration (strictness, libraries without stubs) is pyproject.toml's [tool.mypy]. PY picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
args=()
for target in "$@"; do
    if [[ -e $target ]]; then
        args+=("$target")
    else
        args+=(-p "$target")
    fi
done
exec "$PY" -m mypy "${args[@]}"
