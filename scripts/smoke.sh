#!/usr/bin/env bash
# CI load smoke (issue 5): starts identity, chat and inference-worker with the test builder (private ports and state,
# all stopped at the end), runs GET /api/conversations at 200 arrivals/s for 10 s plus 5 chat turns streamed to the
# end, prints the table and exits non-zero on ANY error or if the achieved rate is under 80 % of 200/s.
# Extra arguments go to the load tool, e.g. scripts/smoke.sh --rate 100. SMOKE_NO_BUILD=1 skips the build when
# the tool is already built (test.sh builds it with tests/Chatbot.Load.Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
chatbot_ensure_prerequisites
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configuration="${SMOKE_CONFIGURATION:-Debug}"
if [ "${SMOKE_NO_BUILD:-0}" != 1 ] || [ ! -e "benchmarks/Chatbot.Load/bin/$configuration/net10.0/Chatbot.Load.dll" ]; then
  dotnet build benchmarks/Chatbot.Load/Chatbot.Load.csproj -c "$configuration" -nologo -v q
fi
results="${TEST_RESULTS_DIR:-$PWD/TestResults}"
mkdir -p "$results"
exec dotnet run -c "$configuration" --no-build --project benchmarks/Chatbot.Load -- \
  --start --scenario smoke --json "$results/load-smoke.json" "$@"
