#!/usr/bin/env bash
# Issue #12: fuzz the HTTP API from its own OpenAPI document with schemathesis (PyPI), as an authenticated client.
# Starts `xinyu serve` on loopback over a small sample district, runs schemathesis for FUZZ_SECONDS (default 60),
# and fails on any 5xx answer (not_a_server_error), on a documented status the server did not answer with
# (status_code_conformance), on a wrong content type, or on the server dying. CI runs it with a short budget.
# Usage: scripts/api-fuzz.sh            (FUZZ_SECONDS=600 scripts/api-fuzz.sh for a longer run by hand;
#        XINYU=<binary> to use a built binary instead of building one)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
PORT=${PORT:-18090}
command -v curl >/dev/null || apt_install curl
if ! command -v schemathesis >/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check 'schemathesis>=4,<5' >/dev/null
fi
ST=$(command -v schemathesis || echo "python3 -m schemathesis.cli")

if [ -n "${XINYU:-}" ]; then
  BIN=$XINYU
else
  swift build --product xinyu >/dev/null
  BIN="$(swift build --show-bin-path)/xinyu"
fi
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
DB=$(SCHOOLS=3 make_demo_db "$BIN" "$WORK")
TOKEN="fuzz-$RANDOM$RANDOM"
XINYU_TOKEN=$TOKEN start_server "$BIN" "$DB" "$PORT" "$WORK/serve.log"

set +e
# One worker: with two threads, CPython 3.11 (before 3.11.8, gh-106905) can fail in hypothesis' ast.parse with
# "AST constructor recursion depth mismatch", which schemathesis reports as a Runtime Error of its own (two CI runs
# failed that way on 2026-12-02, no request involved).
$ST run "http://127.0.0.1:$PORT/api/v1/openapi.json" --url "http://127.0.0.1:$PORT" \
  --header "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance \
  --max-time "$FUZZ_SECONDS" --request-timeout 20 --workers 1 --no-color >"$WORK/st.txt" 2>&1
status=$?
set -e
alive=yes
kill -0 "$SERVER_PID" 2>/dev/null || alive=no
tail -25 "$WORK/st.txt"
# On a finding, the failing operations with the request that reproduces each (schemathesis prints them above its
# summary).
# A runtime error of schemathesis itself (an "ERRORS" section: a request that timed out, a schema it could not
# use) fails the run too, since a timeout can be a server that hangs; print it so that it can be told apart.
[ "$status" = 0 ] || sed -n '/FAILURES/,/SUMMARY/p; /ERRORS/,/WARNINGS/p' "$WORK/st.txt" | head -160
if [ "$alive" = no ]; then
  echo "api-fuzz: the server died; its log:" >&2; tail -20 "$WORK/serve.log" >&2; exit 1
fi
if ! curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null; then
  echo "api-fuzz: the server no longer answers /health" >&2; exit 1
fi
if [ "$status" -ne 0 ]; then echo "api-fuzz: schemathesis found problems (exit $status)" >&2; exit 1; fi
echo "api-fuzz: schemathesis ran for up to ${FUZZ_SECONDS}s; no server error, the server still answers"
