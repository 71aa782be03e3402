#!/usr/bin/env bash
# 10,000 active schedules on PostgreSQL: one `server` process (API, and the worker role, which runs
# what is fired) and one `scheduler` process (only the scheduler role, so its CPU figures are the
# scheduler's alone), on this machine with the database.
#   1. idle: 10,000 schedules that fire once a year; the scheduler's CPU over IDLE seconds, from
#      /proc/<pid>/stat (user + system time), as a share of one core;
#   2. firing: every schedule gets a new version firing every 60 s, spread over the seconds of a
#      minute (about 167 fires each second); fire lateness (execution created_at minus the
#      occurrence's scheduled_at, from the database) p50/p95/p99/max over FIRE seconds, and the
#      scheduler's own figure (the automateos_schedule_fire_lateness_seconds histogram on /metrics).
# Every schedule is created, activated and changed through the API, as a user would.
# Usage: bench/schedules.sh [schedules=10000] [idle=30] [fire=60]   (WARM=seconds of firing before the measured window, default 65)
# Needs curl and psql; PostgreSQL at BENCH_PG (default postgresql://postgres@127.0.0.1:5432/test).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
SCHEDULES=${1:-10000}
IDLE=${2:-30}
FIRE=${3:-60}
PG=${BENCH_PG:-postgresql://postgres@127.0.0.1:5432/test}
SERVER_PORT=18780
SCHEDULER_PORT=18781
BASE="http://127.0.0.1:$SERVER_PORT"
for tool in curl psql; do command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 1; }; done

bench_cluster
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # clock ticks (1/100 s) of user + system time
ticks=$(getconf CLK_TCK)

bench_start server "$SERVER_PORT" server,worker   # migrates the schema first
token=$(bench_log_in "$BASE")

document() { # name, trigger config as JSON (escaped for a curl config file)
  printf '{\\"schema_version\\": 1, \\"name\\": \\"%s\\", \\"trigger\\": {\\"id\\": \\"tick\\", \\"type\\": \\"trigger.schedule\\", \\"version\\": 1, \\"name\\": \\"Tick\\", \\"config\\": %s}, \\"nodes\\": [{\\"id\\": \\"done\\", \\"type\\": \\"core.noop\\", \\"version\\": 1, \\"name\\": \\"Done\\", \\"config\\": {}}], \\"connections\\": [{\\"from\\": \\"tick\\", \\"to\\": \\"done\\"}]}' "$1" "$2"
}
requests() { # method url data -> one entry of a curl config file
  printf 'url = "%s"\nrequest = "%s"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' \
    "$2" "$1" "$token" "$3"
}
send() { # config file: runs its requests 16 at a time, fails unless every one answered 2xx
  sed -i '$d' "$1" # the last entry's "next" would start an empty one
  local codes; codes=$(curl -s --no-progress-meter --parallel --parallel-max 16 --config "$1" | sort | uniq -c)
  echo "$codes" | grep -vqE '^ *[0-9]+ 2[0-9][0-9]$' && { echo "unexpected answers: $codes"; exit 1; }
  return 0
}

echo "creating and activating $SCHEDULES workflows with a yearly schedule through the API"
t=$SECONDS
for i in $(seq 1 "$SCHEDULES"); do requests POST "$BASE/api/v1/workflows" "$(document "Schedule $i" '{\"cron\": \"0 0 1 1 *\"}')"; done >"$dir/create.cfg"
send "$dir/create.cfg"
sql "select id from workflows" | while read -r id; do requests PATCH "$BASE/api/v1/workflows/$id" '{\"active\": true}'; done >"$dir/activate.cfg"
send "$dir/activate.cfg"
echo "  done in $(( SECONDS - t )) s: $(sql "select count(*) from schedules") schedules"

bench_start scheduler "$SCHEDULER_PORT" scheduler
scheduler_pid=${pids[1]}
sleep 10 # start-up work (JIT, first load) is not idle time
echo "idle: scheduler CPU over $IDLE s with $SCHEDULES schedules in memory"
c0=$(cpu "$scheduler_pid")
sleep "$IDLE"
c1=$(cpu "$scheduler_pid")
echo "  $(( (c1 - c0) * 1000 / ticks )) ms CPU = $(awk -v t=$(( c1 - c0 )) -v hz="$ticks" -v s="$IDLE" 'BEGIN {printf "%.2f", 100 * t / hz / s}')% of one core"
curl -sf "http://127.0.0.1:$SCHEDULER_PORT/metrics" | grep -E '^automateos_schedule_pending' || true

echo "firing: every schedule every 60 s, spread over the minute (~$(( SCHEDULES / 60 ))/s), for $FIRE s"
# An interval counts from its start_at: starts at second 0..59 of one minute in the past spread the fires.
i=0
sql "select id || ' ' || name from workflows" | while read -r id name; do
  printf -v start_at '2026-01-01T00:00:%02dZ' $(( i % 60 )); i=$(( i + 1 ))
  requests PUT "$BASE/api/v1/workflows/$id" "$(document "$name" "{\\\"interval\\\": \\\"PT60S\\\", \\\"start_at\\\": \\\"$start_at\\\"}")"
done >"$dir/update.cfg"
t=$SECONDS
send "$dir/update.cfg"
echo "  $SCHEDULES new versions saved in $(( SECONDS - t )) s"
# Each schedule fires once a minute: the first minute warms the firing path (JIT, caches), the
# next FIRE seconds are measured. WARM=5 measures the cold first minute instead.
sleep "${WARM:-65}"
t0=$(sql "select now()"); c0=$(cpu "$scheduler_pid")
sleep "$FIRE"
t1=$(sql "select now()"); c1=$(cpu "$scheduler_pid")
lateness="extract(epoch from created_at - (state::json->'trigger_payload'->>'scheduled_at')::timestamptz)"
echo "  lateness (created_at - scheduled_at): $(sql "select 'p50 ' || round(1000 * percentile_cont(0.5) within group (order by $lateness)::numeric, 1) || ' ms, p95 ' || round(1000 * percentile_cont(0.95) within group (order by $lateness)::numeric, 1) || ' ms, p99 ' || round(1000 * percentile_cont(0.99) within group (order by $lateness)::numeric, 1) || ' ms, max ' || round(1000 * max($lateness)::numeric, 1) || ' ms over ' || count(*) || ' fires' from executions where trigger_kind = 'schedule' and created_at between '$t0' and '$t1'")"
echo "  fires per second: $(sql "select round(count(*) / extract(epoch from (timestamptz '$t1' - timestamptz '$t0'))::numeric, 1) from executions where trigger_kind = 'schedule' and created_at between '$t0' and '$t1'")"
echo "  duplicates: $(sql "select count(*) - count(distinct (workflow_id, idempotency_key)) from executions where trigger_kind = 'schedule'")"
echo "  failed: $(sql "select count(*) from executions where trigger_kind = 'schedule' and status <> 'succeeded'")"
echo "  scheduler CPU while firing: $(awk -v t=$(( c1 - c0 )) -v hz="$ticks" -v s="$FIRE" 'BEGIN {printf "%.0f", 100 * t / hz / s}')% of one core"
curl -sf "http://127.0.0.1:$SCHEDULER_PORT/metrics" | grep -E '^automateos_schedule_fire_lateness_seconds_(count|sum|max)' || true
