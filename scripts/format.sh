#!/usr/bin/env bash
# Formats the package's Swift code in place with the toolchain's swift-format and the repository's .swift-format
# (issue #13). Run it before committing; scripts/format-lint.sh (in CI) then has nothing to say, except for what
# the formatter cannot change: lines over the limit inside string literals and comments, which need a hand.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/format-lib.sh
format_tool_check
swift format format --in-place --recursive --parallel "${FORMAT_PATHS[@]}"
