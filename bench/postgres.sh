#!/usr/bin/env bash
# PostgreSQL against SQLite (issue #18): imports the N-school sample feed (default 39) into an empty store of each
# engine and runs `coverage --as-of 2026-09-01` on it, RUNS times each (default 3, alternating), and prints the
# best times and PostgreSQL/SQLite. Also checks that both engines print the same coverage bytes. The PostgreSQL
# import runs both bulk loads the store has (XINYU_PG_BULK_LOAD=copy: COPY into a staging table; unnest: INSERT …
# SELECT FROM unnest(arrays)), each into its own new database, and prints unnest/copy, and each import as a ratio to
# `xmllint --stream --noout` on the same file (best of RUNS, same run: issue #18's anchor, target ≤ 6 on a 390-school
# district). `coverage --by-district` is timed on both engines too.
#
# Usage: XINYU_BENCH_POSTGRES_URL=postgres://… bench/postgres.sh [XINYU_BIN] [SCHOOLS]
#   The URL's role needs CREATEDB (each import gets a new database); without a URL a throw-away cluster is
#   started with scripts/postgres-test-cluster.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/.build/debug/xinyu}") N=${2:-39} RUNS=${RUNS:-3}
WORK="${TMPDIR:-/tmp}/xinyu-bench-pg"
mkdir -p "$WORK" && cd "$WORK"
URL=${XINYU_BENCH_POSTGRES_URL:-}
if [ -z "$URL" ]; then
  pgdir=$(mktemp -d /tmp/xinyu-pg-bench.XXXXXX)
  trap 'bash "$ROOT/scripts/postgres-test-cluster.sh" stop "$pgdir"' EXIT
  URL=$(bash "$ROOT/scripts/postgres-test-cluster.sh" start "$pgdir")
fi
base=${URL%%\?*}
query=${URL#"$base"}
server=${base%/*}
[ -f "feed-$N.xml" ] || "$BIN" sample-feed "feed-$N.xml" --schools "$N" --seed 1 >/dev/null
secs() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
min() { echo "if ($1 < $2) $1 else $2" | bc; }
imp_sq=999999 imp_pg=999999 imp_un=999999 cov_sq=999999 cov_pg=999999 xml=999999 byd_sq=999999 byd_pg=999999
for i in $(seq "$RUNS"); do
  t=$(secs xmllint --stream --noout "feed-$N.xml"); xml=$(min "$t" "$xml")
  rm -f bench.sqlite*
  t=$(secs "$BIN" import "feed-$N.xml" --db bench.sqlite); imp_sq=$(min "$t" "$imp_sq")
  db="xinyu_bench_$$_${i}_unnest"
  psql "$server/postgres$query" -qAt -c "CREATE DATABASE $db" >/dev/null
  t=$(secs env XINYU_PG_BULK_LOAD=unnest "$BIN" import "feed-$N.xml" --db "$server/$db$query"); imp_un=$(min "$t" "$imp_un")
  db="xinyu_bench_$$_$i"
  psql "$server/postgres$query" -qAt -c "CREATE DATABASE $db" >/dev/null
  pg="$server/$db$query"
  t=$(secs env XINYU_PG_BULK_LOAD=copy "$BIN" import "feed-$N.xml" --db "$pg"); imp_pg=$(min "$t" "$imp_pg")
  t=$(secs "$BIN" coverage --db bench.sqlite --as-of 2026-09-01); cov_sq=$(min "$t" "$cov_sq")
  t=$(secs "$BIN" coverage --db "$pg" --as-of 2026-09-01); cov_pg=$(min "$t" "$cov_pg")
  t=$(secs "$BIN" coverage --by-district --db bench.sqlite --as-of 2026-09-01); byd_sq=$(min "$t" "$byd_sq")
  t=$(secs "$BIN" coverage --by-district --db "$pg" --as-of 2026-09-01); byd_pg=$(min "$t" "$byd_pg")
done
if cmp -s <("$BIN" coverage --db bench.sqlite --as-of 2026-09-01) <("$BIN" coverage --db "$pg" --as-of 2026-09-01); then
  same="same bytes"
else
  same="DIFFERENT bytes"
fi
printf "import   %s schools  SQLite %.3f s  PostgreSQL %.3f s  PostgreSQL/SQLite %.2f  (COPY)\n" \
  "$N" "$imp_sq" "$imp_pg" "$(echo "$imp_pg / $imp_sq" | bc -l)"
printf "import   %s schools  PostgreSQL unnest %.3f s  COPY %.3f s  unnest/COPY %.2f\n" \
  "$N" "$imp_un" "$imp_pg" "$(echo "$imp_un / $imp_pg" | bc -l)"
printf "import   %s schools  xmllint --stream %.3f s  PostgreSQL unnest/xmllint %.2f  COPY/xmllint %.2f  SQLite/xmllint %.2f\n" \
  "$N" "$xml" "$(echo "$imp_un / $xml" | bc -l)" "$(echo "$imp_pg / $xml" | bc -l)" "$(echo "$imp_sq / $xml" | bc -l)"
printf "by-district %s schools  SQLite %.3f s  PostgreSQL %.3f s  PostgreSQL/SQLite %.2f\n" \
  "$N" "$byd_sq" "$byd_pg" "$(echo "$byd_pg / $byd_sq" | bc -l)"
printf "coverage %s schools  SQLite %.3f s  PostgreSQL %.3f s  PostgreSQL/SQLite %.2f  (%s, best of %d)\n" \
  "$N" "$cov_sq" "$cov_pg" "$(echo "$cov_pg / $cov_sq" | bc -l)" "$same" "$RUNS"
