#!/usr/bin/env bash
# The deployment, run for real on this machine (root, podman): builds the images (scripts/images.sh), brings
# deploy/compose.yaml up in Production under the project name chatbot-deploy-check, waits on the published health
# endpoints (podman-compose 1.0.3 runs no health checks), then: signs up through chat's port, reads the verification
# mail from the SMTP sink's log, confirms, logs in, starts a conversation, streams a reply and waits for the turn's
# billing ledger row (billing's /api/usage/export); restarts everything and checks the conversation is still there.
# Then a backup (scripts/backup.sh: the four databases and RabbitMQ's definitions), new EMPTY PostgreSQL and RabbitMQ
# volumes, scripts/restore.sh into them, the services started on the restored data: the conversation and its ledger
# rows must be served and a new turn must work. DEPLOY_CHECK_PREVIOUS_TAG=<tag of release N-1>: everything above runs
# N-1 (no plain restart), then it rolls forward to N (its migrations run), checks, rolls back to N-1 against N's schema,
# checks the data and a new turn. A turn that moderation could not check in time is sent again (at most 3 times).
# Then a rolling update of chat behind haproxy under the load tool's CI smoke (scripts/rolling-update.sh): two chat
# containers of N-1 (after the roll back; N without DEPLOY_CHECK_PREVIOUS_TAG) replaced one at a time by N, the rest of
# the system staying as it is (as in a real rollout, where chat's pods change while the others run on), 0 errors required.
# DEPLOY_CHECK_SKIP_RESTORE=1 leaves out the backup and restore; DEPLOY_CHECK_SKIP_ROLLING=1 the rolling update.
# Renders both Kubernetes overlays. Everything it started is removed at the end (volumes too). Prints timings; exits non-zero on the first failure. Too heavy for CI on 2 cores: run before
# a release and record the result in docs/deploy.md. DEPLOY_CHECK_HEALTH_WAIT: seconds to wait for all healthy (300).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/podman-config.sh
chatbot_podman_config
command -v podman-compose >/dev/null || { echo "error: apt-get install -y podman-compose" >&2; exit 1; }
command -v pg_dump >/dev/null || { echo "error: apt-get install -y postgresql-client (backup and restore)" >&2; exit 1; }

source scripts/rolling-update.sh
started=$SECONDS
if [ "${DEPLOY_CHECK_SKIP_ROLLING:-0}" != 1 ]; then # the load tool, built as scripts/smoke.sh builds it
  dotnet build benchmarks/Chatbot.Load/Chatbot.Load.csproj -c Debug -nologo -v q >/dev/null
fi
# DEPLOY_CHECK_TAG=<tag>: use images scripts/images.sh built before instead of building them again.
tag="${DEPLOY_CHECK_TAG:-$(scripts/images.sh | tail -1)}"
previous="${DEPLOY_CHECK_PREVIOUS_TAG:-}"
echo "== images: $tag${previous:+ (previous release $previous)} ($((SECONDS - started)) s)"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep "chatbot/" | sort

work="$(mktemp -d /tmp/chatbot-deploy-check.XXXXXX)"
project=chatbot-deploy-check
env_file="$work/.env"
{
  echo "POSTGRES_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  echo "REDIS_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  echo "RABBITMQ_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  echo "SERVICE_CREDENTIAL=$(head -c 36 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
} > "$env_file"
release="${previous:-$tag}"
# podman-compose 1.0.3 has no --env-file and reads .env only beside the compose file: the variables go in its environment.
compose() { (set -a; source "$env_file"; TAG="$release"; set +a; podman-compose -p "$project" -f deploy/compose.yaml "$@"); }
secret() { sed -n "s/^$1=//p" "$env_file"; }
cleanup() {
  podman ps -aq --filter "name=^${project}-roll-" | xargs -r podman rm -f >/dev/null 2>&1 || true
  compose down -v >/dev/null 2>&1 || true
  podman volume ls -q | grep "^${project}_" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_healthy() { # seconds
  local deadline=$((SECONDS + $1)) port
  for port in 5080 5081 5082 5083 5084; do
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
      [ $SECONDS -lt $deadline ] || { echo "error: port $port not healthy within $1 s" >&2; compose logs --tail 40 >&2 || true; return 1; }
      sleep 1
    done
  done
}
up() { # what: brings every service up with $release and waits until all five are healthy
  local up_started=$SECONDS
  compose up -d >/dev/null
  wait_healthy "${DEPLOY_CHECK_HEALTH_WAIT:-300}"
  echo "$1 ($release): all healthy in $((SECONDS - up_started)) s"
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# The sink prints each mail as sent: identity's body is quoted-printable (soft line breaks, =3D), so decode it first.
confirmation_link() {
  python3 -c "import quopri,re,sys; t=quopri.decodestring(sys.stdin.buffer.read()).decode('ascii','replace'); \
print(re.findall(r'http\S*/api/account/confirm-email\?\S+', t)[-1])"
}
ip_of() { podman inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "${project}_$1_1"; }

echo "== compose up (Production)"
up "images to all healthy"

base=http://127.0.0.1:5080
email="deploy-check-$RANDOM@example.com"
password='Deploy-check-9-passphrase!'
curl -fsS -o /dev/null -X POST "$base/api/account/register" -H 'content-type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"tenantName\":\"deploy check\"}"
link=""
for _ in $(seq 1 60); do
  link="$(podman logs "${project}_smtp_1" 2>&1 | confirmation_link || true)"
  [ -n "$link" ] && break
  sleep 1
done
[ -n "$link" ] || { echo "error: no verification mail reached the SMTP sink; its log and identity's:" >&2
  podman logs --tail 40 "${project}_smtp_1" >&2 || true; podman logs --tail 40 "${project}_identity_1" >&2 || true; exit 1; }
echo "verification mail received over SMTP"
curl -fsS -o /dev/null "$base/api/account/confirm-email?${link#*\?}"
token() {
  curl -fsS -X POST "$base/connect/token" -d grant_type=password -d client_id=chatbot-web \
    --data-urlencode "username=$email" --data-urlencode "password=$password" -d 'scope=openid offline_access' | json "['access_token']"
}
access="$(token)"
conversation="$(curl -fsS -X POST "$base/api/conversations" -H "authorization: Bearer $access" -H 'content-type: application/json' \
  -d '{"title":"deploy check"}' | json "['id']")"
ledger_rows() { # the tenant's billing ledger: rows of this conversation (compose gives chat no billing route: billing's port)
  curl -fsS -H "authorization: Bearer $access" "http://127.0.0.1:5084/api/usage/export" | grep -c ",$conversation," || true
}
turns=0
turn() { # content: sends it in the conversation, streams the reply to done, waits for the turn's ledger row
  local stream reply rows=0 attempt
  for attempt in 1 2 3; do
    send_turn "$1"
    grep -q 'could not be checked right now' <<< "$reply" || break
    echo "turn $((turns + 1)), attempt $attempt: moderation could not check in time (machine load $(cut -d' ' -f1 /proc/loadavg)); trying again"
  done
  grep -q '^event: done' <<< "$reply" || { echo "error: the reply stream did not end with done:" >&2; echo "$reply" | tail -5 >&2; exit 1; }
  turns=$((turns + 1))
  for _ in $(seq 1 60); do
    rows="$(ledger_rows)"
    [ "$rows" -ge "$turns" ] && break
    sleep 1
  done
  [ "$rows" -ge "$turns" ] || { echo "error: $rows ledger rows for the conversation after $turns turns" >&2; exit 1; }
  echo "turn $turns: $(grep -c '^event: token' <<< "$reply") token events, then done; $rows ledger rows for the conversation"
}
send_turn() { # content: sets reply to the streamed events
  local stream
  stream="$(curl -fsS -X POST "$base/api/conversations/$conversation/messages" -H "authorization: Bearer $access" \
    -H 'content-type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d "{\"content\":\"$1\"}" | json "['streamUrl']")"
  reply="$(curl -fsS -N --max-time 60 -H "authorization: Bearer $access" "$base$stream")"
}
conversation_has() { # text...: every text is among the conversation's messages
  local messages text
  messages="$(curl -fsS -H "authorization: Bearer $access" "$base/api/conversations/$conversation/messages")"
  for text in "$@"; do
    grep -q "$text" <<< "$messages" || { echo "error: '$text' is not in the conversation:" >&2; echo "$messages" | head -c 2000 >&2; exit 1; }
  done
}
ledger_kept() { # what
  local rows; rows="$(ledger_rows)"
  [ "$rows" -ge "$turns" ] || { echo "error: $1: $rows ledger rows for the conversation, $turns expected" >&2; exit 1; }
}
turn "Hello from the deploy check"

if [ -z "$previous" ]; then
  echo "== restart with the same volumes"
  compose down >/dev/null
  up "restart"
  access="$(token)"
  conversation_has "Hello from the deploy check"
  echo "conversation kept across the restart"
fi

if [ "${DEPLOY_CHECK_SKIP_RESTORE:-0}" != 1 ]; then
echo "== backup, restore into empty PostgreSQL and RabbitMQ, serve the restored data"
export PGUSER=postgres PGPASSWORD PGPORT=5432
PGPASSWORD="$(secret POSTGRES_PASSWORD)"
rabbit_url() { echo "http://chatbot:$(secret RABBITMQ_PASSWORD)@$(ip_of rabbitmq):15672"; }
step=$SECONDS
PGHOST="$(ip_of postgres)" RABBITMQ_MANAGEMENT_URL="$(rabbit_url)" scripts/backup.sh "$work/backup"
echo "backup: $((SECONDS - step)) s"
compose down >/dev/null
podman volume rm "${project}_postgres-data" "${project}_rabbitmq-data" >/dev/null
compose up -d postgres rabbitmq >/dev/null
export PGHOST
PGHOST="$(ip_of postgres)"
deadline=$((SECONDS + 180))
until psql -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || { echo "error: the new PostgreSQL did not start" >&2; exit 1; }; sleep 1; done
until curl -fs -o /dev/null "$(rabbit_url)/api/overview"; do
  [ $SECONDS -lt $deadline ] || { echo "error: the new RabbitMQ did not start" >&2; exit 1; }; sleep 1; done
tables="$(psql -d chatdb -Atc "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
[ "$tables" = 0 ] || { echo "error: the new PostgreSQL is not empty ($tables tables in chatdb)" >&2; exit 1; }
queues_before="$(curl -fsS "$(rabbit_url)/api/queues" | json '.__len__()')"
step=$SECONDS
RABBITMQ_MANAGEMENT_URL="$(rabbit_url)" scripts/restore.sh "$work/backup"
queues_after="$(curl -fsS "$(rabbit_url)/api/queues" | json '.__len__()')"
echo "restore: $((SECONDS - step)) s; RabbitMQ queues $queues_before -> $queues_after"
[ "$queues_after" -gt "$queues_before" ] || { echo "error: the definitions restored no queue" >&2; exit 1; }
unset PGHOST PGUSER PGPASSWORD PGPORT
up "started on the restored data"
access="$(token)"
conversation_has "Hello from the deploy check"
ledger_kept "restore"
echo "restored: the conversation and its $turns ledger rows served"
turn "Hello after the restore"
fi

if [ -n "$previous" ]; then
  echo "== roll forward: $previous -> $tag (same volumes; $tag's migrations run)"
  compose down >/dev/null
  release="$tag"
  up "rolled forward"
  access="$(token)"
  conversation_has "Hello from the deploy check"
  ledger_kept "roll forward"
  turn "Hello after the roll forward"
  echo "== roll back: $tag -> $previous against $tag's schema"
  compose down >/dev/null
  release="$previous"
  up "rolled back"
  access="$(token)"
  conversation_has "Hello from the deploy check" "Hello after the roll forward"
  ledger_kept "roll back"
  turn "Hello after the roll back"
  echo "rolled back with the data intact and a new turn served"
fi

# Last, so a failure here leaves the roll back's result printed: chat N-1 (the running release) -> N, or N -> N.
if [ "${DEPLOY_CHECK_SKIP_ROLLING:-0}" != 1 ]; then
  rolling_update_under_load "$release" "$tag"
fi

echo "== kubernetes overlays"
for overlay in dev prod; do
  kubectl kustomize "deploy/k8s/overlays/$overlay" > "$work/$overlay.yaml"
  echo "$overlay: $(grep -c '^kind:' "$work/$overlay.yaml") objects"
done
echo "== deploy check passed in $((SECONDS - started)) s (commit $(git rev-parse --short=12 HEAD))"
