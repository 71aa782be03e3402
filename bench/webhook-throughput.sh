#!/usr/bin/env bash
# Executions per second through a webhook, history saved, answered when finished.
# Workload: webhook (when_finished) -> Filter -> Transform -> Respond.
# Usage: bench/webhook-throughput.sh [duration=30s] [connections=16]
# Set BENCH_DB_URL (and BENCH_DB_USER) to run on PostgreSQL instead of the embedded H2.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-30s}
CONNECTIONS=${2:-16}
PORT=${BENCH_PORT:-18767}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
server_args=(server --port "$PORT")
[ -n "${BENCH_DB_URL:-}" ] && export AUTOMATEOS_DB_URL="$BENCH_DB_URL" AUTOMATEOS_DB_USER="${BENCH_DB_USER:-postgres}"
(cd "$dir" && exec "$ROOT/automateos" "${server_args[@]}" >"$dir/server.log" 2>&1) &
pid=$!
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
  sleep 0.1
done

user="bench$RANDOM"
curl -sS --fail-with-body -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"load test passphrase 1\"}" >/dev/null
token=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"grant_type\":\"password\",\"username\":\"$user\",\"password\":\"load test passphrase 1\"}" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
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
echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency -s post.lua $url"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$dir/post.lua" "$url"
runs=$(curl -sf "$BASE/api/v1/workflows/$workflow/stats" "${auth[@]}" || true)
echo "stats: $runs"
