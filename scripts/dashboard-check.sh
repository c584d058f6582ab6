#!/usr/bin/env bash
# Opens the dashboard in headless Chromium against a demo database, saves a screenshot and checks the SVG charts
# are in the rendered DOM. Usage: scripts/dashboard-check.sh [screenshot.png (default dashboard.png)]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
SHOT=${1:-dashboard.png}
PORT=${PORT:-18081}
command -v curl >/dev/null || apt_install curl
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then apt_install chromium; CHROME=$(command -v chromium); fi
# A CJK font so the zh-Hans screenshot is readable (best effort: the SVG check does not need it).
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then apt_install fonts-noto-cjk || echo "note: no CJK font; Chinese text shows as boxes" >&2; fi
BUILD_LOG=$(mktemp); swift build >"$BUILD_LOG" 2>&1 || { tail -40 "$BUILD_LOG" >&2; exit 1; }; rm -f "$BUILD_LOG"
BIN="$(swift build --show-bin-path)/xinyu"
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
DB=$(make_demo_db "$BIN" "$WORK")
start_server "$BIN" "$DB" "$PORT" "$WORK/serve.log"
URL="http://127.0.0.1:$PORT/${QUERY:-}"
FLAGS=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$WORK/profile")
"$CHROME" "${FLAGS[@]}" --window-size=1280,2400 --screenshot="$WORK/shot.png" "$URL" >/dev/null 2>&1
cp "$WORK/shot.png" "$SHOT"
"$CHROME" "${FLAGS[@]}" --dump-dom "$URL" 2>/dev/null >"$WORK/dom.html"
svgs=$(grep -o '<svg' "$WORK/dom.html" | wc -l)
if [ "$svgs" -lt 1 ]; then echo "FAIL: no <svg> in the rendered dashboard" >&2; exit 1; fi
if grep -q '<script' "$WORK/dom.html"; then echo "FAIL: the dashboard contains a script" >&2; exit 1; fi
echo "OK: dashboard rendered with $svgs SVG chart(s); screenshot $SHOT ($(stat -c %s "$SHOT") bytes)"
