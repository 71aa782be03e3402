#!/usr/bin/env bash
# Heap cost of waiting executions: starts N runs that each wait a day (webhook, immediate 202 ->
# Wait P1D), then compares the live heap after a full GC before and after.
# Usage: bench/waiting-executions.sh [executions=100000] [connections=16]
# Set BENCH_DB_URL (and BENCH_DB_USER) to run on PostgreSQL instead of the embedded H2.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
TOTAL=${1:-100000}
CONNECTIONS=${2:-16}
PORT=${BENCH_PORT:-18768}
BASE="http://127.0.0.1:$PORT"
command -v hey >/dev/null || { echo "hey is not installed: apt-get install hey"; exit 1; }
# shellcheck source=scripts/java-home.sh
source "$ROOT/scripts/java-home.sh"

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"; true' EXIT
[ -n "${BENCH_DB_URL:-}" ] && export AUTOMATEOS_DB_URL="$BENCH_DB_URL" AUTOMATEOS_DB_USER="${BENCH_DB_USER:-postgres}"
(cd "$dir" && exec "$ROOT/automateos" server --port "$PORT" >"$dir/server.log" 2>&1) &
pid=$! # the launcher execs the JVM, so this is the server's JVM
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
  sleep 0.1
done

token=$(bench_log_in "$BASE")
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

workflow=$(curl -sS --fail-with-body -X POST "$BASE/api/v1/workflows" "${auth[@]}" -d '{
  "schema_version": 1, "name": "Wait a day",
  "trigger": {"id": "trigger", "type": "trigger.webhook", "version": 1, "name": "Hook",
              "config": {"methods": ["POST"], "response_mode": "immediate"}},
  "nodes": [{"id": "later", "type": "core.wait", "version": 1, "name": "Later", "config": {"duration": "P1D"}},
            {"id": "after", "type": "core.noop", "version": 1, "name": "After", "config": {}}],
  "connections": [{"from": "trigger", "to": "later"}, {"from": "later", "to": "after"}]}' \
  | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
curl -sS --fail-with-body -X PATCH "$BASE/api/v1/workflows/$workflow" "${auth[@]}" -d '{"active": true}' >/dev/null
url=$(curl -sf "$BASE/api/v1/workflows/$workflow/webhook" "${auth[@]}" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')

# Live heap: the class histogram runs a full collection first and counts only reachable objects.
live_heap_mb() {
  jcmd "$pid" GC.class_histogram | awk '/^Total/ { printf "%.1f", $3 / 1048576 }'
}

# Warm up with a first batch, so JIT, pools and caches are in the baseline, not the difference.
warm=$(( TOTAL / 20 / CONNECTIONS * CONNECTIONS ))
run_batch() { # exactly $1 requests; prints the status code distribution
  hey -n "$1" -c "$CONNECTIONS" -m POST -T application/json -d '{"order": 1}' "$url" \
    | sed -n '/Status code distribution/,/^$/p; /Error distribution/,/^$/p'
}
echo "warm-up: $warm runs"
run_batch "$warm"
sleep 2
before=$(live_heap_mb)
[ -n "${BENCH_HISTOGRAM:-}" ] && jcmd "$pid" GC.class_histogram | head -40 >"$BENCH_HISTOGRAM.before"
echo "live heap after warm-up: $before MB"
# Four steps of TOTAL/4, the live heap after each: a plateau, not a slope, is the claim.
step=$(( TOTAL / 4 / CONNECTIONS * CONNECTIONS ))
echo "hey -n $step -c $CONNECTIONS -m POST -T application/json -d '{\"order\": 1}' $url   # 4 times"
start=$(date +%s)
for i in 1 2 3 4; do
  run_batch "$step" | grep -E "\[[0-9]+\]|rror" | tr -s ' \t' ' '
  sleep 5 # let the worker park the last ones
  echo "$(( i * step )) waiting: live heap $(live_heap_mb) MB (before: $before MB)"
done
echo "started $(( 4 * step )) runs in $(( $(date +%s) - start )) s"
[ -n "${BENCH_HISTOGRAM:-}" ] && jcmd "$pid" GC.class_histogram | head -40 >"$BENCH_HISTOGRAM.after"
echo "stats (in_progress = waiting here): $(curl -sf "$BASE/api/v1/workflows/$workflow/stats" "${auth[@]}")"
grep -c '"level":"ERROR"\| ERROR ' "$dir/server.log" | sed 's/^/server log errors: /' || true
