#!/usr/bin/env bash
# Executions per second through a webhook, history saved, answered when finished.
# Workload: webhook (when_finished) -> Filter -> Transform -> Respond.
# Usage: bench/webhook-throughput.sh [duration=30s] [connections=16] [warm-up=20s]
# A warm-up run of the same load comes first (its figures are printed too), so the measured run
# sees compiled code rather than the JIT at work; set the warm-up to 0 to skip it.
# Set BENCH_DB_URL (and BENCH_DB_USER) to run on PostgreSQL instead of the embedded H2.
# The server's CPU time per execution during the measured run is printed at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
DURATION=${1:-30s}
CONNECTIONS=${2:-16}
WARMUP=${3:-20s}
PORT=${BENCH_PORT:-18767}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }

dir=$(mktemp -d)
trap 'cp "$dir/server.log" /tmp/last-bench-server.log 2>/dev/null; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"; true' EXIT
# standalone: every role in this one process, on H2 or PostgreSQL alike (`server` on PostgreSQL is the HTTP role only).
server_args=(standalone --port "$PORT")
# Keep every run, so the run count at the end can be checked against the requests sent.
export AUTOMATEOS_RETENTION_MAX_PER_WORKFLOW=10000000
[ -n "${BENCH_DB_URL:-}" ] && export AUTOMATEOS_DB_URL="$BENCH_DB_URL" AUTOMATEOS_DB_USER="${BENCH_DB_USER:-postgres}"
(cd "$dir" && exec "$ROOT/automateos" "${server_args[@]}" >"$dir/server.log" 2>&1) &
pid=$!
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
  sleep 0.1
done

token=$(bench_log_in "$BASE")
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

workflow=$(curl -sS --fail-with-body -X POST "$BASE/api/v1/workflows" "${auth[@]}" -d '{
  "schema_version": 1, "name": "Webhook benchmark",
  "trigger": {"id": "trigger", "type": "trigger.webhook", "version": 1, "name": "Hook",
              "config": {"methods": ["POST"], "response_mode": "when_finished"}},
  "nodes": [
    {"id": "only_big", "type": "flow.filter", "version": 1, "name": "Only big orders",
     "config": {"condition": {"combinator": "and", "conditions": [
       {"left": "{{ $trigger.body.amount }}", "operator": "greater_than", "right": "10"}]}}},
    {"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
     "config": {"fields": {"order": "{{ $trigger.body.id }}", "total": "{{ $trigger.body.amount * 1.2 }}"}}},
    {"id": "reply", "type": "webhook.respond", "version": 1, "name": "Reply",
     "config": {"status": 200, "body": "{{ $input }}"}}
  ],
  "connections": [{"from": "trigger", "to": "only_big"}, {"from": "only_big", "to": "shape"},
                  {"from": "shape", "to": "reply"}]}' | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
curl -sS --fail-with-body -X PATCH "$BASE/api/v1/workflows/$workflow" "${auth[@]}" -d '{"active": true}' >/dev/null
url=$(curl -sf "$BASE/api/v1/workflows/$workflow/webhook" "${auth[@]}" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
echo "one call: $(curl -sS -X POST "$url" -H 'Content-Type: application/json' -d '{"id": 7, "amount": 25}')"

cat >"$dir/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"id": 7, "amount": 25}'
wrk.headers["Content-Type"] = "application/json"
LUA
if [ "$WARMUP" != "0" ]; then
  echo "warm-up: wrk -t2 -c$CONNECTIONS -d$WARMUP -s post.lua $url"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$dir/post.lua" "$url" | grep -E "requests in|Requests/sec|Non-2xx"
fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks_before=$(cpu_ticks)
echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency -s post.lua $url"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$dir/post.lua" "$url" | tee "$dir/wrk.out"
ticks=$(( $(cpu_ticks) - ticks_before ))
requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$dir/wrk.out")
echo "server CPU during the measured run: $(( ticks * 10 )) ms, $(awk -v t="$ticks" -v r="$requests" 'BEGIN { printf "%.2f", t * 10 / r }') ms per execution"
runs=$(curl -sf "$BASE/api/v1/workflows/$workflow/stats" "${auth[@]}" || true)
echo "stats: $runs"
failed=$(curl -sf "$BASE/api/v1/executions?workflow_id=$workflow&status=failed&limit=1" "${auth[@]}" \
  | sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p')
if [ -n "$failed" ]; then
  echo "a failed run: $(curl -sf "$BASE/api/v1/executions/$failed" "${auth[@]}" | grep -o '"error":{[^}]*}' | head -3)"
fi
curl -sf "$BASE/metrics" | grep '^automateos_store_group_commit_size_\(count\|sum\)' | tr '\n' ' ' | sed 's/^/group commits: /; s/$/\n/' || true
grep -c '"level":"ERROR"\| ERROR ' "$dir/server.log" | sed 's/^/server log errors: /' || true
