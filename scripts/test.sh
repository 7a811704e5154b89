#!/usr/bin/env bash
# Runs every test: installs PostgreSQL/Redis/RabbitMQ when missing, builds once, runs `dotnet test` on the solution
# (and on any test project under tests/ that is not in the solution yet), then the load smoke (scripts/smoke.sh),
# then prints "N passed, N failed, N skipped; load smoke passed|FAILED".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
chatbot_ensure_prerequisites --browser --monitoring --dns

results="${TEST_RESULTS_DIR:-$PWD/TestResults}"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

solution=Chatbot.Aspire.sln
in_solution="$(dotnet sln "$solution" list 2>/dev/null | tr '\\' '/')"
extra=()
for project in tests/*/*.csproj; do
  [ -e "$project" ] || continue
  grep -q "<IsTestProject>true</IsTestProject>" "$project" || continue
  if ! grep -qxF "$project" <<< "$in_solution"; then
    echo "warning: $project is not in $solution yet; testing it as well" >&2
    extra+=("$project")
  fi
done

echo "== build"
dotnet build "$solution" -nologo -v q || exit 1
for project in "${extra[@]}"; do dotnet build "$project" -nologo -v q || exit 1; done

echo "== dependency audit (scripts/audit.sh: NuGet direct + transitive, npm lock files; allow-list Directory.Audit.props)"
status=0
scripts/audit.sh || status=1

echo "== test"
# One test project at a time (-m:1): integration tests start real servers and the machine may have 2 cores.
# Tests with the trait Category=Chaos (tests/Chatbot.ChaosDrills) are left out: they take minutes and break the system
# on purpose; run them with scripts/drills.sh chaos (docs/chaos-drills.md).
for target in "$solution" "${extra[@]}"; do
  dotnet test "$target" --no-build -m:1 --filter "Category!=Chaos" --results-directory "$results" \
    --logger "trx" --logger "console;verbosity=normal" || status=1
done

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$counters"; }
  passed=$((passed + $(value passed))); failed=$((failed + $(value failed)))
  skipped=$((skipped + $(value total) - $(value executed)))
done
echo "== load smoke (issue 5: 200 RPS for 10 s on an authenticated route + 5 chat turns)"
smoke=passed
SMOKE_NO_BUILD=1 scripts/smoke.sh || { smoke=FAILED; status=1; }

echo "== summary"
echo "$passed passed, $failed failed, $skipped skipped; load smoke $smoke"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
exit $status
