#!/usr/bin/env bash
# The one benchmark of issues 5 and 25 (one command): each scenario of benchmarks/Chatbot.Load in its own freshly
# started system with the SHIPPED DEFAULTS (--shipped: all five services exactly as ./scripts/run.sh configures them,
# Release build, private ports; the run prints every setting it changed, and what it changed through the admin API),
# its table appended to benchmarks/results/load.md under the date, machine, load average, commit and command, its JSON in
# benchmarks/results/<UTC stamp>/. Exit status non-zero if any goal failed.
#   scripts/load.sh                          # chat-100 chat-1000 chat-300-long isolation overhead max-turns sse-10k
#   scripts/load.sh isolation overhead       # some scenarios
#   scripts/load.sh max-turns -- --levels 100,300 --duration 30   # options after -- go to every scenario
#   scripts/load.sh isolation -- --env "chat:Some__Setting=x"     # an experiment (printed as a changed setting)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
chatbot_ensure_prerequisites
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scenarios=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do scenarios+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
[ ${#scenarios[@]} -gt 0 ] || scenarios=(chat-100 chat-1000 chat-300-long isolation overhead max-turns sse-10k)
# 10,000 streams: chat and each client worker hold thousands of sockets (the machine allows 20,000 per process).
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

dotnet build benchmarks/Chatbot.Load/Chatbot.Load.csproj -c Release -nologo -v q || exit 1
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dir="benchmarks/results/$stamp"
log=benchmarks/results/load.md
mkdir -p "$dir"
[ -e "$log" ] || echo "# Load runs (appended by scripts/load.sh)" > "$log"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average before: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} >> "$log"
status=0
for scenario in "${scenarios[@]}"; do
  args=(--shipped --scenario "$scenario" --json "$dir/$scenario.json" "$@")
  echo "== $scenario: dotnet run -c Release --project benchmarks/Chatbot.Load -- ${args[*]}"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet run -c Release --no-build --project benchmarks/Chatbot.Load -- "${args[@]}" 2>&1 | tee "$dir/$scenario.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  {
    echo
    echo "Command: \`dotnet run -c Release --project benchmarks/Chatbot.Load -- ${args[*]}\` (load average at its start: $load, at its end: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    grep -E '^(changed|settings)' "$dir/$scenario.txt" | sed 's/^/- /'
    echo
    sed -n '/^## /,$p' "$dir/$scenario.txt" | grep -v '^JSON written'
  } >> "$log"
done
echo "results appended to $log (JSON in $dir)"
exit $status
