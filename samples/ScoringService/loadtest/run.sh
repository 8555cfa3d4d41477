#!/usr/bin/env bash
# Load test of a running scoring service with wrk, loopback only, 10 s per level (DURATION to change it):
# single-row and 32-row POST /predict at 1, 4, 16 and 64 connections; prints a Markdown table.
#   dotnet run -c Release --project samples/ScoringService -- --urls http://127.0.0.1:5080 &
#   bash samples/ScoringService/loadtest/run.sh [http://127.0.0.1:5080]
set -euo pipefail
cd "$(dirname "$0")"
url="${1:-http://127.0.0.1:5080}"
duration="${DURATION:-10s}"
case "$url" in
  http://127.0.0.1*|http://localhost*|http://\[::1\]*) ;;
  *) echo "error: $url is not a loopback address; this load test only runs against loopback" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "error: wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
curl -fsS "$url/healthz" >/dev/null || { echo "error: no service answers at $url/healthz" >&2; exit 2; }

echo "| body | connections | requests/s | rows/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for body in one-row.json rows-32.json; do
  rows=$([ "$body" = one-row.json ] && echo 1 || echo 32)
  for connections in 1 4 16 64; do
    threads=$(( connections < 2 ? connections : 2 ))
    line=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s predict.lua "$url/predict" -- "$body" | grep '^RESULT')
    rps=$(sed -E 's/.*rps=([0-9]+).*/\1/' <<<"$line")
    p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")
    p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
    errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")
    echo "| $rows row(s) | $connections | $rps | $(( rps * rows )) | $p50 | $p99 | $errors |"
  done
done
