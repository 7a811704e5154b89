#!/usr/bin/env bash
# Drills that run on demand, not in every CI run (they start the whole system and break parts of it on purpose).
#   scripts/drills.sh chaos    the chaos drills of docs/chaos-drills.md (tests/Chatbot.ChaosDrills, trait Category=Chaos)
# Installs PostgreSQL/Redis/RabbitMQ when missing, builds the drill project, runs it, exits non-zero if a drill fails.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() { echo "usage: $0 chaos" >&2; exit 2; }

case "${1:-}" in
  chaos)
    chatbot_ensure_prerequisites
    project=tests/Chatbot.ChaosDrills/Chatbot.ChaosDrills.csproj
    results="${TEST_RESULTS_DIR:-$PWD/TestResults/chaos}"
    dotnet build "$project" -nologo -v q || exit 1
    # Detailed console output prints each drill's figures (replies in flight at the kill, queue peak, recovery times).
    exec dotnet test "$project" --no-build --filter "Category=Chaos" --results-directory "$results" \
      --logger "trx;LogFileName=chaos-drills.trx" --logger "console;verbosity=detailed"
    ;;
  *) usage ;;
esac
