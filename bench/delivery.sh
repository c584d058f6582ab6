#!/usr/bin/env bash
# Issue #19: recording 10,000 delivery records over the API (`POST /api/v1/deliveries`, each a store transaction
# and an audit line) and every school's delivery-rate query (`GET /api/v1/schools/{id}/delivery-rates`) on the
# 390-school sample with its 2026-fall schedule built, release build, one keep-alive connection.
# Anchors, same server, same run: as many `GET /health` requests (the server's own round trip) for the records,
# and each school's `GET /api/v1/schedule?school=S` (the stored schedule the school page reads too) for the rates.
# Usage (from the repo root): bench/delivery.sh [SCHOOLS, default 390] [RECORDS, default 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
export SCHOOLS="${1:-390}"
RECORDS="${2:-10000}"
PORT=${PORT:-18121}
command -v curl >/dev/null || apt_install curl
if [ -n "${XINYU_BIN:-}" ]; then BIN="$XINYU_BIN"; else source bench/build.sh; fi
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
DB=$(make_demo_db "$BIN" "$WORK")
"$BIN" --db "$DB" schedule build --term 2026-fall >/dev/null
"$BIN" users add --db "$DB" bench-admin --role district-admin >/dev/null
TOKEN=$("$BIN" tokens issue --db "$DB" bench-admin --label bench 2>/dev/null)
# The lessons to record: the first RECORDS by date across every school, written as SESSION keys.
sqlite3 "$DB" "SELECT schoolId || '/' || classId || '/' || date || '/' || period FROM scheduledSession
  WHERE kind = 'lesson' ORDER BY date, period, schoolId, classId LIMIT $RECORDS" >"$WORK/sessions.txt"
sqlite3 "$DB" "SELECT id FROM school ORDER BY id" >"$WORK/schools.txt"
start_server "$BIN" "$DB" "$PORT" "$WORK/serve.log"
python3 - "$PORT" "$TOKEN" "$WORK/sessions.txt" "$WORK/schools.txt" "$DB" <<'PY'
import http.client, json, sqlite3, sys, time
port, token, sessions, schools, db = int(sys.argv[1]), sys.argv[2], open(sys.argv[3]).read().split(), \
    open(sys.argv[4]).read().split(), sys.argv[5]
c = http.client.HTTPConnection("127.0.0.1", port)
auth = {"Authorization": "Bearer " + token}
def call(method, path, body=None, ok=(200,)):
    h = dict(auth)
    if body is not None: h["Content-Type"] = "application/json"
    c.request(method, path, body=body, headers=h)
    r = c.getresponse(); data = r.read()
    if r.status not in ok: sys.exit(f"{method} {path} -> {r.status}: {data[:200]!r}")
    return data
t0 = time.perf_counter()
for i, s in enumerate(sessions):
    body = {"session": s, "given": True, "reflection": "学生参与积极"} if i % 5 else {"session": s, "given": False, "reason": "exam"}
    call("POST", "/api/v1/deliveries", json.dumps(body, ensure_ascii=False).encode(), ok=(201,))
t_rec = time.perf_counter() - t0
t0 = time.perf_counter()
for _ in sessions: call("GET", "/health")
t_health = time.perf_counter() - t0
n = len(sessions)
rows = sqlite3.connect(db).execute("SELECT COUNT(*) FROM deliveryRecord").fetchone()[0]
audit = sqlite3.connect(db).execute("SELECT COUNT(*) FROM audit WHERE action = 'delivery.record'").fetchone()[0]
print(f"records: {n} POST /api/v1/deliveries in {t_rec:.2f} s ({1000 * t_rec / n:.2f} ms each, {n / t_rec:.0f}/s); "
      f"stored {rows}, audit lines {audit}")
print(f"anchor: {n} GET /health in {t_health:.2f} s ({1000 * t_health / n:.3f} ms each); ratio {t_rec / t_health:.1f}")
def each(path):
    times = []
    for s in schools:
        t0 = time.perf_counter(); call("GET", path.format(s)); times.append(time.perf_counter() - t0)
    times.sort()
    return sum(times), times[len(times) // 2], times[int(len(times) * 0.99) - 1]
r_tot, r_med, r_p99 = each("/api/v1/schools/{}/delivery-rates?asOf=2026-12-31")
s_tot, s_med, s_p99 = each("/api/v1/schedule?school={}")
print(f"delivery rates, {len(schools)} schools: {r_tot:.2f} s, median {1000 * r_med:.1f} ms, p99 {1000 * r_p99:.1f} ms")
print(f"anchor: GET /api/v1/schedule, {len(schools)} schools: {s_tot:.2f} s, median {1000 * s_med:.1f} ms, "
      f"p99 {1000 * s_p99:.1f} ms; ratio {r_tot / s_tot:.2f}")
PY
