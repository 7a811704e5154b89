#!/usr/bin/env bash
# Runs the whole system: installs PostgreSQL/Redis/RabbitMQ when missing, builds, then starts the AppHost.
# Extra arguments go to the AppHost, e.g. ./scripts/run.sh --fresh --port chat=6080
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
chatbot_ensure_prerequisites
dotnet build AppHost/Chatbot.AppHost.csproj -nologo -v q
exec dotnet run --project AppHost --no-build -- "$@"
