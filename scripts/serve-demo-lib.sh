# Shared by the bench/serve*.sh scripts and scripts/browser-check.sh (sourced, not run).
# Builds a demo database from the 39-school sample feed and starts `xinyu serve` on loopback.

# make_demo_db BIN DIR -> prints the database path
make_demo_db() {
  local bin=$1 dir=$2
  "$bin" sample-feed "$dir/feed.xml" --schools "${SCHOOLS:-39}" --seed "${SEED:-1}" >/dev/null
  "$bin" import --db "$dir/xinyu.sqlite" "$dir/feed.xml" >/dev/null || {
    local s=$?; [ "$s" -eq 3 ] || { echo "import failed (exit $s)" >&2; return 1; }
  }
  echo "$dir/xinyu.sqlite"
}

# start_server BIN DB PORT LOG -> sets SERVER_PID, waits until /health answers
start_server() {
  local bin=$1 db=$2 port=$3 log=$4
  "$bin" serve --db "$db" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; log:" >&2; cat "$log" >&2; return 1; }
    sleep 0.2
  done
  echo "server did not answer /health within 20 s" >&2
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}
