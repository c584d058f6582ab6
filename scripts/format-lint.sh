#!/usr/bin/env bash
# CI's format check (issue #13): `swift format lint --strict` with the repository's .swift-format, and no line over
# its lineLength. swift-format does not report the lines it cannot break (long string literals and comments); those
# are listed here as file:line: [LineLength]. Prints nothing and exits 0 when the code is clean; otherwise one line
# per finding and exit 1. Most findings go away with scripts/format.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/format-lib.sh
format_tool_check
status=0
swift format lint --strict --recursive --parallel "${FORMAT_PATHS[@]}" || status=1
limit=$(sed -n 's/^ *"lineLength" *: *\([0-9][0-9]*\).*/\1/p' .swift-format)
long=$(find "${FORMAT_PATHS[@]}" -name '*.swift' -not -path '*/.build/*' -print0 | sort -z \
  | xargs -0r perl -CSD -ne 'chomp; s/\r$//;
      print "$ARGV:$.: error: [LineLength] line is ", length, " characters, over the limit of '"$limit"'\n"
        if length > '"$limit"';
      close ARGV if eof')
if [ -n "$long" ]; then
  echo "$long" >&2
  status=1
fi
if [ "$status" != 0 ]; then
  echo "format-lint: findings above; scripts/format.sh fixes most of them" >&2
fi
exit "$status"
