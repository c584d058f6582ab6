#!/usr/bin/env bash
# Feed fuzzing (issue #12, "the server must not fall over"): imports mutants of a small sample feed and checks
# that the importer never crashes, never hangs, and that a feed rejected as a whole leaves the store's data
# exactly as it was.
#
# For FUZZ_SECONDS (default 60) it mutates `xinyu sample-feed --schools 3 --seed 1` (truncation, byte flips, deep
# nesting, invalid UTF-8, a huge attribute count, a huge attribute value, a DOCTYPE with entities, long text,
# spliced bytes), gives each mutant a fresh feed id (so it is never a duplicate), and imports it into a copy of a
# store that already holds the original feed, with `timeout 20`. A run passes when the exit status is 0, 2 or 3
# (never 1, a trap or a signal), it ends within the limit, and an exit 2 (status rejected) leaves every table
# except the attempt's own records (its importLog row and its audit line, issue #14) byte-for-byte the same (a
# SHA-256 over all rows, by python3's sqlite3).
#
# Usage: scripts/feed-fuzz.sh   (env: FUZZ_SECONDS=60, FUZZ_SEED=<number>, XINYU=<binary> to skip the build)
# Prints `feed-fuzz: N passed, M failed`; exits 1 on any failure, keeping the failing mutants in a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_SEED="${FUZZ_SEED:-$(date +%s)}"
LIMIT=20

if [ -z "${XINYU:-}" ]; then
  swift build --product xinyu >&2
  XINYU="$(swift build --show-bin-path)/xinyu"
fi
[ -x "$XINYU" ] || { echo "feed-fuzz: no xinyu binary at $XINYU; build it or set XINYU" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/feed-fuzz.XXXXXX")"
FAILED_DIR="$WORK/failed"
mkdir -p "$FAILED_DIR"

cat > "$WORK/mutate.py" <<'PY'
import random, re, sys

src, dst, seed, serial = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
data = open(src, "rb").read()
# A fresh feed id: the mutant is never a duplicate, so its whole body is read.
data = re.sub(rb'(<feed\b[^>]*?\bid=")[^"]*(")', rb"\g<1>fuzz-" + serial.encode() + rb"\g<2>", data, count=1)

def record_starts():
    return [m.start() for m in re.finditer(rb"<(?:teacher|course|record|school|award|counseling|lesson)\b", data)]

def line_start():
    starts = [m.end() for m in re.finditer(rb"\n", data)]
    return rng.choice(starts[1:-1]) if len(starts) > 2 else len(data) // 2

def insert(at, blob):
    return data[:at] + blob + data[at:]

def truncate():
    return data[:rng.randrange(1, len(data))]

def flip():
    b = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 5, 20])):
        b[rng.randrange(len(b))] = rng.choice([rng.randrange(256), ord("<"), ord(">"), ord('"'), ord("="), ord("/"), 0])
    return bytes(b)

def deep():
    n = rng.choice([10, 31, 33, 100, 5000, 100000])
    return insert(line_start(), b'<x:d xmlns:x="urn:fuzz">' * n + b"</x:d>" * rng.choice([n, n, n - 1]))

def bad_utf8():
    seqs = [b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\x80", b"\x00"]
    b = data
    for _ in range(rng.choice([1, 3])):
        gts = [m.end() for m in re.finditer(rb">", b)]
        at = rng.choice(gts)
        b = b[:at] + rng.choice(seqs) + b[at:]
    return b

def many_attributes():
    n = rng.choice([200, 256, 257, 1000, 50000, 200000])
    at = rng.choice(record_starts())
    end = data.index(b" ", at)
    attrs = b' xmlns:x="urn:fuzz"' + b"".join(b' x:a%d="1"' % i for i in range(n))
    return data[:end] + attrs + data[end:]

def huge_value():
    n = rng.choice([1000, 100000, 1 << 20, 3 << 20])
    at = rng.choice(record_starts())
    end = data.index(b" ", at)
    return data[:end] + b' xmlns:x="urn:fuzz" x:v="' + b"\xe9\x95\xbf" * (n // 3) + b'"' + data[end:]

def long_text():
    n = rng.choice([1001, 5000, 2000000])
    m = rng.choice(list(re.finditer(rb"<name>", data)) or [None])
    if m is None:
        return data
    return insert(m.end(), "长".encode() * n)

def doctype():
    bombs = [
        b'<!DOCTYPE feed [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        b'<!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE feed SYSTEM "http://127.0.0.1:9/feed.dtd">',
        b'<!DOCTYPE feed [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
    ]
    b = data
    decl_end = b.find(b"?>") + 2 if b.startswith(b"<?xml") else 0
    b = b[:decl_end] + b"\n" + rng.choice(bombs) + b[decl_end:]
    if rng.random() < 0.5:
        b = b.replace(b"<name>", b"<name>&c;&x;", 1)
    return b

def splice():
    a, c = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return data[:at] + data[a:c] + data[at:]

kinds = [truncate, flip, deep, bad_utf8, many_attributes, huge_value, long_text, doctype, splice]
kind = kinds[seed % len(kinds)]
out = kind()
open(dst, "wb").write(out)
print(kind.__name__)
PY

cat > "$WORK/digest.py" <<'PY'
import hashlib, sqlite3, sys

con = sqlite3.connect(sys.argv[1])
h = hashlib.sha256()
counts = []
tables = [r[0] for r in con.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('importLog', 'audit') ORDER BY name")]
for t in tables:
    cols = len(con.execute(f'PRAGMA table_info("{t}")').fetchall())
    n = 0
    h.update(t.encode() + b"\0")
    for row in con.execute(f'SELECT * FROM "{t}" ORDER BY ' + ", ".join(str(i + 1) for i in range(cols))):
        h.update(repr(row).encode() + b"\n")
        n += 1
    counts.append(f"{t}={n}")
print(h.hexdigest(), " ".join(counts))
PY

"$XINYU" sample-feed "$WORK/base.xml" --schools 3 --seed 1 >/dev/null
"$XINYU" --db "$WORK/base.sqlite" import "$WORK/base.xml" --format json >/dev/null
read -r BASE_DIGEST BASE_COUNTS < <(python3 "$WORK/digest.py" "$WORK/base.sqlite")
echo "feed-fuzz: base feed $(stat -c %s "$WORK/base.xml") bytes; store: $BASE_COUNTS; seed $FUZZ_SEED; ${FUZZ_SECONDS}s" >&2

passed=0; failed=0; n=0
declare -A tally=()   # "kind exit-status" → runs
fail() { # mutant reason
  failed=$((failed + 1))
  local keep="$FAILED_DIR/$(basename "$1")"
  cp "$1" "$keep"
  echo "feed-fuzz: FAILED ($2): $keep" >&2
}

start=$SECONDS
while [ $((SECONDS - start)) -lt "$FUZZ_SECONDS" ]; do
  n=$((n + 1))
  seed=$((FUZZ_SEED + n))
  kind=$(python3 "$WORK/mutate.py" "$WORK/base.xml" "$WORK/m.xml" "$seed" "$n")
  mutant="$WORK/mutant-$n-$kind-seed$seed.xml"
  mv "$WORK/m.xml" "$mutant"
  rm -f "$WORK/run.sqlite" "$WORK/run.sqlite-wal" "$WORK/run.sqlite-shm"
  cp "$WORK/base.sqlite" "$WORK/run.sqlite"
  status=0
  timeout "$LIMIT" "$XINYU" --db "$WORK/run.sqlite" import "$mutant" --format json >"$WORK/out.json" 2>"$WORK/err.txt" || status=$?
  case "$status" in
    0|3) ok=1 ;;
    2)
      ok=1
      if ! grep -q '"status" : "rejected"' "$WORK/out.json"; then
        fail "$mutant" "exit 2 without status rejected: $(head -c 300 "$WORK/out.json" "$WORK/err.txt" | tr '\n' ' ')"; ok=0
      else
        read -r digest _ < <(python3 "$WORK/digest.py" "$WORK/run.sqlite")
        if [ "$digest" != "$BASE_DIGEST" ]; then fail "$mutant" "rejected but the store's data changed"; ok=0; fi
      fi ;;
    124) fail "$mutant" "no answer within ${LIMIT}s"; ok=0 ;;
    *) fail "$mutant" "exit status $status: $(head -c 300 "$WORK/err.txt" | tr '\n' ' ')"; ok=0 ;;
  esac
  if [ "$ok" = 1 ]; then passed=$((passed + 1)); fi
  tally["$kind exit $status"]=$(( ${tally["$kind exit $status"]:-0} + 1 ))
  rm -f "$mutant"
done

for k in "${!tally[@]}"; do echo "  $k: ${tally[$k]}"; done | sort >&2
echo "feed-fuzz: $passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "feed-fuzz: failing mutants kept in $FAILED_DIR (reproduce with FUZZ_SEED=$FUZZ_SEED)" >&2
  exit 1
fi
rm -rf "$WORK"
