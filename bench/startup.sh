#!/usr/bin/env bash
# Measures time from the run command to a healthy server, and idle RSS after start.
# Usage: bench/startup.sh [runs=5]
# Runs the real launcher (./automateos server) against a fresh data directory each time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
PORT=${BENCH_PORT:-18765}

"$ROOT/automateos" --version >/dev/null   # builds, unpacks and records the AOT cache if needed

for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && exec "$ROOT/automateos" server --port "$PORT" >"$dir/server.log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server died; see $dir/server.log"; exit 1; }
    sleep 0.02
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 10   # let start-up garbage settle before measuring idle memory
  rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  echo "run $run: ready in ${ready} ms, idle RSS $((rss_kb / 1024)) MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
