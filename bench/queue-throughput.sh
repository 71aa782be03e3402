#!/usr/bin/env bash
# Queue mode on PostgreSQL: one `server` process (API, webhooks) and one `worker` process, both on
# this machine with the database and the load generator.
# Workload: webhook (immediate 202) -> Filter -> Transform -> Set, no outside I/O.
#   1. saturation: wrk -c CONNECTIONS for DURATION; executions completed per second while it runs,
#      and how long the backlog takes to drain afterwards;
#   2. below saturation: hey at RATE requests/s for 30 s; enqueue-to-start latency (started_at -
#      created_at of those executions) p50/p95/p99.
# Usage: bench/queue-throughput.sh [duration=60s] [connections=16] [rate=300]
# Needs wrk, hey and psql; PostgreSQL at BENCH_PG (default postgresql://postgres@127.0.0.1:5432/test).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
DURATION=${1:-60s}
CONNECTIONS=${2:-16}
RATE=${3:-300}
PG=${BENCH_PG:-postgresql://postgres@127.0.0.1:5432/test}
SERVER_PORT=18770
WORKER_PORT=18771
BASE="http://127.0.0.1:$SERVER_PORT"
for tool in wrk hey psql; do command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 1; }; done

bench_cluster
bench_start server "$SERVER_PORT"   # migrates the schema first
bench_start worker "$WORKER_PORT"
server_pid=${pids[0]}; worker_pid=${pids[1]}

token=$(bench_log_in "$BASE")
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
workflow=$(curl -sS --fail-with-body -X POST "$BASE/api/v1/workflows" "${auth[@]}" -d '{
  "schema_version": 1, "name": "Queue benchmark",
  "trigger": {"id": "trigger", "type": "trigger.webhook", "version": 1, "name": "Hook",
              "config": {"methods": ["POST"], "response_mode": "immediate"}},
  "nodes": [
    {"id": "only_big", "type": "flow.filter", "version": 1, "name": "Only big orders",
     "config": {"condition": {"combinator": "and", "conditions": [
       {"left": "{{ $trigger.body.amount }}", "operator": "greater_than", "right": "10"}]}}},
    {"id": "shape", "type": "transform.set", "version": 1, "name": "Shape",
     "config": {"fields": {"order": "{{ $trigger.body.id }}", "total": "{{ $trigger.body.amount * 1.2 }}"}}},
    {"id": "tag", "type": "transform.set", "version": 1, "name": "Tag",
     "config": {"fields": {"tagged": "{{ true }}"}, "options": {"keep_input": true}}}
  ],
  "connections": [{"from": "trigger", "to": "only_big"}, {"from": "only_big", "to": "shape"},
                  {"from": "shape", "to": "tag"}]}' | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
curl -sS --fail-with-body -X PATCH "$BASE/api/v1/workflows/$workflow" "${auth[@]}" -d '{"active": true}' >/dev/null
url=$(curl -sf "$BASE/api/v1/workflows/$workflow/webhook" "${auth[@]}" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
cat >"$dir/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"id": 7, "amount": 25}'
wrk.headers["Content-Type"] = "application/json"
LUA
drain() { # waits until nothing is queued or running; prints the seconds it took
  local start=$SECONDS
  while [ "$(sql "select count(*) from executions where status in ('queued', 'running')")" != "0" ]; do sleep 0.5; done
  echo $(( SECONDS - start ))
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "warm-up: wrk -t2 -c$CONNECTIONS -d20s -s post.lua <webhook>"
wrk -t2 -c"$CONNECTIONS" -d20s -s "$dir/post.lua" "$url" | grep -E "requests in|Requests/sec|Non-2xx" || true
echo "warm-up drained in $(drain) s"

echo "saturation: wrk -t2 -c$CONNECTIONS -d$DURATION -s post.lua <webhook>"
t0=$(sql "select now()"); s0=$(cpu "$server_pid"); w0=$(cpu "$worker_pid")
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$dir/post.lua" "$url" | tee "$dir/wrk.out" \
  | grep -E "requests in|Requests/sec|Non-2xx|50%|99%"
t1=$(sql "select now()")
echo "  completed during the run: $(sql "select count(*) || ' executions, ' || round(count(*) / extract(epoch from (timestamptz '$t1' - timestamptz '$t0'))::numeric, 1) || '/s' from executions where status = 'succeeded' and finished_at between '$t0' and '$t1'")"
echo "  backlog at the end: $(sql "select count(*) from executions where status in ('queued', 'running')") queued or running; drained in $(drain) s"
echo "  CPU during the run: server $(( ($(cpu "$server_pid") - s0) * 10 )) ms, worker $(( ($(cpu "$worker_pid") - w0) * 10 )) ms"
echo "  failed: $(sql "select count(*) from executions where status <> 'succeeded'")"

echo "below saturation: hey -z 30s -c 8 -q $(( RATE / 8 )) -m POST <webhook>   (~$RATE/s)"
t2=$(sql "select now()")
hey -z 30s -c 8 -q $(( RATE / 8 )) -m POST -T application/json -d '{"id": 7, "amount": 25}' "$url" \
  | grep -E "Requests/sec|\[2..\]|\[5..\]|99%" || true
sleep 2
echo "  enqueue-to-start: $(sql "select 'p50 ' || round(1000 * percentile_cont(0.5) within group (order by extract(epoch from started_at - created_at))::numeric, 1) || ' ms, p95 ' || round(1000 * percentile_cont(0.95) within group (order by extract(epoch from started_at - created_at))::numeric, 1) || ' ms, p99 ' || round(1000 * percentile_cont(0.99) within group (order by extract(epoch from started_at - created_at))::numeric, 1) || ' ms over ' || count(*) || ' executions' from executions where created_at >= '$t2'")"
echo "  failed: $(sql "select count(*) from executions where status <> 'succeeded'")"
