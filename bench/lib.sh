# Shared set-up for the bench/ scripts; source it, do not run it.

# Registers a fresh user on the server at $1 and prints its access token.
bench_log_in() {
  local base=$1 user="bench$RANDOM" password="load test passphrase 1"
  curl -sS --fail-with-body -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\"}" >/dev/null
  curl -sf -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"grant_type\":\"password\",\"username\":\"$user\",\"password\":\"$password\"}" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# Queue mode on PostgreSQL ($PG, a postgresql:// URL): a schema of this run's own (dropped at exit,
# with every process started by bench_start), a scratch directory $dir, and `sql` to query the schema.
bench_cluster() {
  schema="aos_bench_$RANDOM$RANDOM"
  dir=$(mktemp -d)
  pids=()
  trap bench_cluster_cleanup EXIT
  psql -q "$PG" -c "create schema $schema" >/dev/null
  export AUTOMATEOS_DB_URL="jdbc:postgresql://${PG#*@}?currentSchema=$schema"
  export AUTOMATEOS_DB_USER="${BENCH_PG_USER:-postgres}" AUTOMATEOS_RETENTION_MAX_PER_WORKFLOW=10000000
}

bench_cluster_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  cp "$dir"/*.log /tmp/ 2>/dev/null || true
  psql -q "$PG" -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
  rm -rf "$dir"
}

sql() { psql -qtA "$PG" -c "set search_path to $schema; $1"; }

# Starts `automateos <command> --port <port>` (roles from $3 when given) and waits for /health;
# its PID goes to the end of pids (the launcher execs the JVM, so it is the JVM's).
bench_start() {
  local command=$1 port=$2 roles=${3:-}
  mkdir -p "$dir/$command"
  (cd "$dir/$command" && { [ -z "$roles" ] || export AUTOMATEOS_ROLES="$roles"; } \
    && exec "$ROOT/automateos" "$command" --port "$port" >"$dir/$command.log" 2>&1) &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$dir/$command.log"; exit 1; }
    sleep 0.2
  done
}
