#!/usr/bin/env bash
# Measures the time from `dotnet run --project AppHost` (already built) to every service healthy, as printed by the
# AppHost ("all resources healthy in X.Xs") and as seen from outside (wall clock), then stops it with SIGTERM
# (a background job of a script ignores SIGINT).
# Usage: scripts/measure-startup.sh [--fresh]     (warm state folder without --fresh)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build AppHost/Chatbot.AppHost.csproj -nologo -v q > /dev/null
log="$(mktemp)"
start=$(date +%s.%N)
setsid dotnet run --project AppHost --no-build -- "$@" > "$log" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true; rm -f "$log"' EXIT
while ! grep -q "all resources healthy\|error:" "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
end=$(date +%s.%N)
grep -q "error:" "$log" && { grep "error:" "$log"; exit 1; }
grep "all resources healthy" "$log"
awk -v s="$start" -v e="$end" -v m="${*:-warm}" 'BEGIN { printf "wall clock to all healthy: %.1fs (%s)\n", e - s, m }'
kill -TERM $pid
wait $pid || true
grep "stopped in" "$log"
trap - EXIT
rm -f "$log"
