#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (issue #18): `start` creates it in a temporary directory, owned by
# a non-root user (initdb and pg_ctl refuse root: as root it runs them as `postgres`), listening on loopback only,
# and prints its URL (role xinyu, trust on loopback, CREATEDB so that each test makes its own database);
# `stop DIR` stops it and removes the directory. Installs Debian's postgresql when initdb is missing.
#
#   dir=$(mktemp -d) ; url=$(scripts/postgres-test-cluster.sh start "$dir") ; … ; scripts/postgres-test-cluster.sh stop "$dir"
#
# PGTEST_PORT picks the port (default: a free one); PGTEST_SERVER_OPTIONS adds server options, e.g. the bench's
# "-c shared_buffers=1GB -c max_wal_size=8GB" (BENCHMARKS.md says which figures used them). fsync=off is a
# test-cluster setting only: never run a district's database with it.
set -euo pipefail

find_bin() {
  for d in /usr/lib/postgresql/*/bin /usr/local/bin /usr/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  dir=${2:?usage: $0 start DIR}
  if ! bin=$(find_bin); then
    echo "installing postgresql" >&2
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    else
      sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    bin=$(find_bin)
  fi
  port=${PGTEST_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300 ${PGTEST_SERVER_OPTIONS:-}" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
    -c "CREATE ROLE xinyu LOGIN CREATEDB" -c "CREATE DATABASE xinyu OWNER xinyu" >/dev/null
  echo "postgres://xinyu@127.0.0.1:$port/xinyu?sslmode=disable"
  ;;
stop)
  dir=${2:?usage: $0 stop DIR}
  bin=$(find_bin)
  if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
  ;;
esac
