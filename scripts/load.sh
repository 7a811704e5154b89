#!/usr/bin/env bash
# The full load run of issue 5 (one command): each scenario in its own freshly started system (Release build, test
# builder: identity, chat, inference-worker on private ports), its table appended to benchmarks/results/load.md under
# the date, machine and command, its JSON in benchmarks/results/<UTC stamp>/. Exit status non-zero if any goal failed.
#   scripts/load.sh                          # chat-100 chat-1000 isolation overhead max-turns sse-10k
#   scripts/load.sh isolation overhead       # some scenarios
#   scripts/load.sh max-turns -- --levels 100,300 --duration 30   # options after -- go to every scenario
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
chatbot_ensure_prerequisites
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scenarios=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do scenarios+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
[ ${#scenarios[@]} -gt 0 ] || scenarios=(chat-100 chat-1000 isolation overhead max-turns sse-10k)
# 10,000 streams: chat and each client worker hold thousands of sockets (the machine allows 20,000 per process).
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

dotnet build benchmarks/Chatbot.Load/Chatbot.Load.csproj -c Release -nologo -v q || exit 1
# Scenario 3 (pipeline overhead) is issue 3's chat-turn benchmark: N streams held open while one client probes.
overhead_args=(1,100 500 20 --without-output-guard)
[[ " ${scenarios[*]} " == *" overhead "* ]] && { dotnet build benchmarks/Chatbot.Benchmarks/Chatbot.Benchmarks.csproj -c Release -nologo -v q || exit 1; }
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
# run_and_record NAME PROJECT TABLE-FILTER ARGS...: runs one program, keeps its output, appends its table to the log.
run_and_record() {
  local name=$1 project=$2 filter=$3; shift 3
  echo "== $name: dotnet run -c Release --project $project -- $*"
  dotnet run -c Release --no-build --project "$project" -- "$@" 2>&1 | tee "$dir/$name.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  { echo; echo "Command: \`dotnet run -c Release --project $project -- $*\`"; echo; $filter "$dir/$name.txt"; } >> "$log"
}
load_table() { sed -n '/^## /,$p' "$1" | grep -v '^JSON written'; }
benchmark_table() { grep -E '^(\||Background)' "$1"; }
for scenario in "${scenarios[@]}"; do
  if [ "$scenario" = overhead ]; then
    run_and_record overhead benchmarks/Chatbot.Benchmarks benchmark_table "${overhead_args[@]}"
  else
    run_and_record "$scenario" benchmarks/Chatbot.Load load_table --start --scenario "$scenario" --json "$dir/$scenario.json" "$@"
  fi
done
echo "results appended to $log (JSON in $dir)"
exit $status
