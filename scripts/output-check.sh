#!/usr/bin/env bash
# Runs the README's commands on the sample district with one xinyu binary and prints one line per command:
# its exit status and the SHA-256 of what it printed. Run it with the binary before and after a change that must
# not change behaviour (issue #13) and compare the two listings with diff:
#
#   XINYU=/path/to/old/xinyu scripts/output-check.sh > before.txt
#   XINYU=/path/to/new/xinyu scripts/output-check.sh > after.txt
#   diff before.txt after.txt && echo "same output"
#
# Times that change from run to run (the import log's importedAt, the iCalendar DTSTAMP) are blanked first, and
# the path of the binary's resource bundle is cut to the bundle's name (no output prints it since the ledger names
# the bundled profile `default`; comparing with a binary from before that change differs in `teachers show --format json`).
# Env: XINYU (default: builds and uses the debug binary), SCHOOLS (default 39), KEEP=1 keeps the outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${XINYU:-}" ]; then
  swift build --product xinyu >/dev/null
  XINYU="$(swift build --show-bin-path)/xinyu"
fi
WORK=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "outputs in $WORK" >&2 || trap 'rm -rf "$WORK"' EXIT
DB=d.sqlite   # relative: the commands run in $WORK, so the listing names no temporary path
n=0
run() { # run ARGS… : one line "NN status sha256 command"
  n=$((n + 1))
  local out="$WORK/$(printf %02d $n).out" status=0
  (cd "$WORK" && "$XINYU" "$@") >"$out" 2>&1 || status=$?
  sed -i -E 's/"importedAt" : "[^"]*"/"importedAt" : ""/; s/^DTSTAMP:.*/DTSTAMP:/' "$out"
  sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/TIME/g' "$out"
  sed -i -E 's#"[^"]*/(Xinyu_[A-Za-z]+\.resources/)#"\1#g' "$out"   # the bundled profile's path differs per build directory
  printf '%02d %3s %s %s\n' "$n" "$status" "$(sha256sum <"$out" | cut -c1-16)" "$*"
}
run sample-feed feed.xml --schools "${SCHOOLS:-39}" --seed 1
run import --db "$DB" feed.xml --format json
run imports list --db "$DB" --format json
run schools list --db "$DB"
run teachers list --db "$DB" --school S0001 --role psych-fulltime --status active
run teachers show T0000002 --db "$DB" --as-of 2026-09-01
run teachers show T0000002 --db "$DB" --as-of 2026-09-01 --format json
run certs list --db "$DB" --status expiring --as-of 2026-09-01
run coverage --db "$DB" --as-of 2026-09-01
run coverage --db "$DB" --as-of 2026-09-01 --format json
run coverage --db "$DB" --as-of 2026-09-01 --format csv
run quota --db "$DB" --year 2025-2026
run quota --db "$DB" --year 2025-2026 --teachers --format csv
run lessons list --band middle
run activities list
run schedule build --db "$DB" --term 2026-fall
run schedule show --db "$DB" --school S0001 --week 3
run schedule show --db "$DB" --school S0001 --format json
run schedule export --db "$DB" --school S0001 --ics S0001.ics
run teachers show T404 --db "$DB"
run coverage --db "$DB" --as-of 2026-02-30
run schedule show --db "$DB" --school S9999
n=$((n + 1))
printf '%02d %3s %s %s\n' "$n" 0 "$(sed -E 's/^DTSTAMP:.*/DTSTAMP:/' "$WORK/S0001.ics" | sha256sum | cut -c1-16)" "(the file S0001.ics)"
