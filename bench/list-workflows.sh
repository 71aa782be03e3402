#!/usr/bin/env bash
# Throughput of GET /api/v1/workflows (a page of 50, 10,000 workflows stored, authenticated).
# Usage: bench/list-workflows.sh [duration=30s] [connections=32]
# Starts the real server on a fresh data directory, registers the admin, imports 10,000
# workflows through the API, then runs wrk on loopback. Needs wrk (apt-get install wrk).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-30s}
CONNECTIONS=${2:-32}
PORT=${BENCH_PORT:-18766}
COUNT=${BENCH_WORKFLOWS:-10000}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
(cd "$dir" && exec "$ROOT/automateos" server --port "$PORT" >"$dir/server.log" 2>&1) &
pid=$!
until curl -sf "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
  sleep 0.1
done

curl -sS --fail-with-body -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"load test passphrase 1"}' >/dev/null
token=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"grant_type":"password","username":"bench","password":"load test passphrase 1"}' \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "could not log in"; exit 1; }

echo "importing $COUNT workflows..."
config="$dir/curl.cfg"
for i in $(seq 1 "$COUNT"); do
  tag=$(( i % 10 ))
  cat >>"$config" <<CFG
url = "$BASE/api/v1/workflows"
header = "Authorization: Bearer $token"
header = "Content-Type: application/json"
data = "{\"schema_version\":1,\"name\":\"Bench workflow $i\",\"tags\":[\"bench\",\"group-$tag\"],\"trigger\":{\"id\":\"trigger\",\"type\":\"trigger.manual\",\"version\":1,\"name\":\"Manual\",\"config\":{}},\"nodes\":[{\"id\":\"done\",\"type\":\"core.noop\",\"version\":1,\"name\":\"Done\",\"config\":{}}],\"connections\":[{\"from\":\"trigger\",\"to\":\"done\"}]}"
output = "/dev/null"
write-out = "%{http_code}\n"
CFG
  [ "$i" -lt "$COUNT" ] && echo next >>"$config"
done
seed_start=$(date +%s)
curl -s --no-progress-meter --parallel --parallel-max 8 -K "$config" >"$dir/statuses"
echo "imported in $(( $(date +%s) - seed_start )) s; statuses:" $(sort "$dir/statuses" | uniq -c)

check=$(curl -sf "$BASE/api/v1/workflows?limit=50" -H "Authorization: Bearer $token" | grep -o '"id"' | wc -l)
echo "one page holds $check workflows"
echo "wrk -t2 -c$CONNECTIONS -d$DURATION $BASE/api/v1/workflows?limit=50"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$BASE/api/v1/workflows?limit=50"
