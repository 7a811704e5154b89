#!/usr/bin/env bash
# The deployment, run for real on this machine (root, podman): builds the images (scripts/images.sh), brings
# deploy/compose.yaml up in Production under the project name chatbot-check, waits on the published health endpoints
# (podman-compose 1.0.3 runs no health checks), then: signs up through chat's port, reads the verification mail from
# the SMTP sink's log, confirms, logs in, starts a conversation, streams a reply; restarts everything and checks the
# conversation is still there (volumes); renders both
# Kubernetes overlays. Everything it started is removed at the end (volumes too). Prints timings; exits non-zero on
# the first failure. Too heavy for CI on 2 cores: run before a release and record the result in docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/podman-config.sh
chatbot_podman_config
command -v podman-compose >/dev/null || { echo "error: apt-get install -y podman-compose" >&2; exit 1; }

started=$SECONDS
# DEPLOY_CHECK_TAG=<tag>: use images scripts/images.sh built before instead of building them again.
tag="${DEPLOY_CHECK_TAG:-$(scripts/images.sh | tail -1)}"
echo "== images: $tag ($((SECONDS - started)) s)"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep "chatbot/" | sort

work="$(mktemp -d /tmp/chatbot-deploy-check.XXXXXX)"
project=chatbot-check
env_file="$work/.env"
cat > "$env_file" <<EOF
POSTGRES_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
REDIS_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
RABBITMQ_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
SERVICE_CREDENTIAL=$(head -c 36 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
TAG=$tag
EOF
# podman-compose 1.0.3 has no --env-file and reads .env only beside the compose file: the variables go in its environment.
compose() { (set -a; source "$env_file"; set +a; podman-compose -p "$project" -f deploy/compose.yaml "$@"); }
cleanup() {
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
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# The sink prints each mail as sent: identity's body is quoted-printable (soft line breaks, =3D), so decode it first.
confirmation_link() {
  python3 -c "import quopri,re,sys; t=quopri.decodestring(sys.stdin.buffer.read()).decode('ascii','replace'); \
print(re.findall(r'http\S*/api/account/confirm-email\?\S+', t)[-1])"
}

echo "== compose up (Production)"
up_started=$SECONDS
compose up -d >/dev/null
wait_healthy 300
echo "images to all healthy: $((SECONDS - up_started)) s"

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
stream="$(curl -fsS -X POST "$base/api/conversations/$conversation/messages" -H "authorization: Bearer $access" \
  -H 'content-type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d '{"content":"Hello from the deploy check"}' | json "['streamUrl']")"
reply="$(curl -fsS -N --max-time 60 -H "authorization: Bearer $access" "$base$stream")"
grep -q '^event: done' <<< "$reply" || { echo "error: the reply stream did not end with done:" >&2; echo "$reply" | tail -5 >&2; exit 1; }
echo "streamed reply: $(grep -c '^event: token' <<< "$reply") token events, then done"

echo "== restart with the same volumes"
compose down >/dev/null
compose up -d >/dev/null
wait_healthy 300
access="$(token)"
curl -fsS -H "authorization: Bearer $access" "$base/api/conversations/$conversation/messages" | grep -q 'Hello from the deploy check' \
  || { echo "error: the conversation did not survive the restart" >&2; exit 1; }
echo "conversation kept across the restart"

echo "== kubernetes overlays"
for overlay in dev prod; do
  kubectl kustomize "deploy/k8s/overlays/$overlay" > "$work/$overlay.yaml"
  echo "$overlay: $(grep -c '^kind:' "$work/$overlay.yaml") objects"
done
echo "== deploy check passed in $((SECONDS - started)) s (commit $(git rev-parse --short=12 HEAD))"
