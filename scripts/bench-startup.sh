#!/usr/bin/env bash
# Start-up benchmark of the packaged service with its embedded PostgreSQL.
#
#   ./mvnw -B -DskipTests package
#   scripts/bench-startup.sh [runs]          # default 5 runs
#
# Each run starts `java -jar target/itad-custody-*.jar` twice on the same fresh data directory:
#   first start - empty ITAD_DATA_DIR: embedded PostgreSQL initialised, roles created, all migrations applied
#   restart     - the same directory again: server started, migrations already applied
# and measures the wall-clock time from launch until GET /actuator/health answers "UP", and the resident
# memory (VmRSS) of the java process at that moment (the embedded PostgreSQL's own processes not included).
#
# Environment: PORT (default 18080), JAR (default: the newest target/itad-custody-*.jar),
# TIMEOUT seconds per start (default 240), JAVA_OPTS (extra JVM options), KEEP_LOGS=1 to keep the logs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${1:-5}"
port="${PORT:-18080}"
timeout_s="${TIMEOUT:-240}"
jar="${JAR:-$(ls -t target/itad-custody-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)}"
health="http://127.0.0.1:${port}/actuator/health"

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [runs]   (runs must be a positive number)" >&2
    exit 2
fi
if [[ -z "$jar" || ! -f "$jar" ]]; then
    echo "no jar found: build it first with ./mvnw -B -DskipTests package (or set JAR=...)" >&2
    exit 2
fi
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${port}/"; then
    echo "port ${port} is already in use; set PORT to a free port" >&2
    exit 2
fi

work="$(mktemp -d -t itad-bench-XXXXXX)"
java_pid=""
data_dir=""
elapsed_ms=0
rss_kb=0

# Stops the java process we started (SIGTERM, then SIGKILL after 60 s) and the embedded PostgreSQL if the
# JVM could not stop it itself.
stop_service() {
    if [[ -n "$java_pid" ]] && kill -0 "$java_pid" 2>/dev/null; then
        kill -TERM "$java_pid" 2>/dev/null || true
        for _ in $(seq 1 600); do
            kill -0 "$java_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$java_pid" 2>/dev/null; then
            echo "  java ${java_pid} did not stop in 60 s: killing it" >&2
            kill -KILL "$java_pid" 2>/dev/null || true
        fi
    fi
    if [[ -n "$java_pid" ]]; then
        wait "$java_pid" 2>/dev/null || true
    fi
    java_pid=""
    local pidfile="${data_dir}/postgres/postmaster.pid"
    if [[ -n "$data_dir" && -f "$pidfile" ]]; then
        local pg_pid
        pg_pid="$(head -n 1 "$pidfile")"
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null; then
            echo "  embedded PostgreSQL ${pg_pid} still running: stopping it" >&2
            kill -TERM "$pg_pid" 2>/dev/null || true
            for _ in $(seq 1 300); do
                kill -0 "$pg_pid" 2>/dev/null || break
                sleep 0.1
            done
        fi
    fi
}

cleanup() {
    stop_service
    if [[ "${KEEP_LOGS:-0}" == 1 ]]; then
        echo "logs kept in ${work}"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }

# Starts the service on $data_dir and waits for health UP; sets elapsed_ms and rss_kb. Runs in this shell
# (not in a command substitution) so that java_pid stays known to stop_service and the exit trap.
start_and_measure() {
    local log="$1" started body code
    started="$(now_ms)"
    # an empty ITAD_DB_URL selects the embedded PostgreSQL
    # shellcheck disable=SC2086
    env ITAD_DB_URL= ITAD_DATA_DIR="$data_dir" PORT="$port" \
        java ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
    java_pid=$!
    while true; do
        if ! kill -0 "$java_pid" 2>/dev/null; then
            echo "the service exited before it was healthy; last lines of ${log}:" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        if (( $(now_ms) - started > timeout_s * 1000 )); then
            echo "not healthy after ${timeout_s} s; last lines of ${log}:" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        code="$(curl -s -o "$work/health.json" -w '%{http_code}' --max-time 2 "$health" || true)"
        if [[ "$code" == 200 ]]; then
            body="$(cat "$work/health.json")"
            [[ "$body" == *'"UP"'* ]] && break
        elif [[ "$code" == 401 || "$code" == 403 ]]; then
            echo "${health} answered ${code}: the health endpoint must be reachable without signing in" >&2
            return 1
        fi
        sleep 0.1
    done
    elapsed_ms=$(( $(now_ms) - started ))
    rss_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/${java_pid}/status")"
}

median() { sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "jar: ${jar}"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "runs: ${runs}, port: ${port}, cores: $(nproc)"
echo
printf '%-4s %-12s %10s %10s\n' run phase "time ms" "RSS MiB"

: >"$work/first.txt"
: >"$work/restart.txt"
for run in $(seq 1 "$runs"); do
    data_dir="$work/data-${run}"
    mkdir -p "$data_dir"
    for phase in first restart; do
        start_and_measure "$work/${phase}-${run}.log" || exit 1
        stop_service
        echo "${elapsed_ms} ${rss_kb}" >>"$work/${phase}.txt"
        printf '%-4s %-12s %10d %10d\n' "$run" "$phase" "$elapsed_ms" $(( rss_kb / 1024 ))
    done
    rm -rf "$data_dir"
done

echo
printf '%-17s %10s %10s\n' "median" "time ms" "RSS MiB"
for phase in first restart; do
    ms="$(cut -d' ' -f1 "$work/${phase}.txt" | median)"
    kb="$(cut -d' ' -f2 "$work/${phase}.txt" | median)"
    label="first start"
    [[ "$phase" == restart ]] && label="restart"
    printf '%-17s %10d %10d\n' "$label" "$ms" $(( kb / 1024 ))
done
