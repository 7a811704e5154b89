#!/usr/bin/env bash
# `podman kube play` of the rendered dev overlay (deploy/k8s/overlays/dev) with the local images, for real:
# the Deployments (with their init containers, probes, security contexts and the Secret's keys) run as podman pods,
# PostgreSQL, Redis, RabbitMQ, the SMTP sink and the simulator (the provider) as pods beside them; every service must
# answer /health on its management port (8081). Usage (root): scripts/kube-check.sh <tag printed by scripts/images.sh>
# What podman does not do, and how the script stands in for it (docs/deploy.md lists it):
#   - no cluster DNS for Services: each pod is played on its own fixed address of the network chatbot-deploy-kube and
#     gets hostAliases for the Service names it calls (identity, postgres, redis, rabbitmq, smtp, simulator);
#   - init containers: podman 4.3 failed removing them under load, so each migration runs as a pod played and awaited
#     before its Deployment (the order Kubernetes gives the init container);
#   - podman publishes every containerPort on the host: the ports are dropped (probes get the numbers), pods are
#     reached on their addresses;
#   - a Secret's keys are read from a podman secret holding JSON {key: base64}; the script creates it;
#   - HPA, ScaledObject/TriggerAuthentication (KEDA), PodDisruptionBudget, NetworkPolicy, PriorityClass, Namespace and
#     Service are not run by podman; the script leaves them out and lists them (KubernetesSchemaTests check them).
# Everything it creates is named chatbot-deploy-kube* and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:?usage: scripts/kube-check.sh <image tag>}"
source scripts/podman-config.sh
chatbot_podman_config
started=$SECONDS
network=chatbot-deploy-kube
secret=chatbot-deploy-kube-connections
work="$(mktemp -d /tmp/chatbot-kube-check.XXXXXX)"
cleanup() {
  for file in "$work"/pods/*.yaml; do [ -e "$file" ] && podman kube play --down "$file" >/dev/null 2>&1 || true; done
  podman secret rm "$secret" >/dev/null 2>&1 || true
  podman network rm -f "$network" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
podman network exists "$network" || podman network create "$network" >/dev/null
subnet="$(podman network inspect -f '{{range .Subnets}}{{.Subnet}}{{end}}' "$network")"
prefix="${subnet%.*}"
password() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
export KUBE_PREFIX="$prefix" KUBE_TAG="$tag" KUBE_SECRET="$secret" KUBE_POSTGRES_PASSWORD="$(password)" \
  KUBE_REDIS_PASSWORD="$(password)" KUBE_RABBITMQ_PASSWORD="$(password)" KUBE_SERVICE_CREDENTIAL="$(password)$(password)" \
  KUBE_INIT_SQL="$PWD/deploy/postgres-init.sql"
mkdir -p "$work/pods"
kubectl kustomize deploy/k8s/overlays/dev > "$work/dev.yaml"
python3 scripts/kube-check-pods.py "$work/dev.yaml" "$work/pods" "$work/secret.json"
podman secret create "$secret" "$work/secret.json" >/dev/null

play() { # name: plays pods/<name>.yaml on its fixed address (a migrate pod on any address)
  local address=(); [ -e "$work/pods/$1.ip" ] && address=(--ip "$(cat "$work/pods/$1.ip")")
  podman kube play --network "$network" "${address[@]}" "$work/pods/$1.yaml" >/dev/null
}
for name in postgres redis rabbitmq smtp; do play "$name"; done
export PGHOST="$prefix.10" PGUSER=postgres PGPASSWORD="$KUBE_POSTGRES_PASSWORD"
deadline=$((SECONDS + 240))
until psql -d chatdb -Atc 'SELECT 1' >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || { echo "error: PostgreSQL did not start" >&2; exit 1; }; sleep 1; done
until curl -fs -o /dev/null "http://chatbot:$KUBE_RABBITMQ_PASSWORD@$prefix.12:15672/api/overview"; do
  [ $SECONDS -lt $deadline ] || { echo "error: RabbitMQ did not start" >&2; exit 1; }; sleep 1; done
echo "infrastructure pods up: $((SECONDS - started)) s"
play_started=$SECONDS
for name in identity chat moderation billing; do play "$name-migrate"; done
for name in identity chat moderation billing; do
  code="$(podman wait "chatbot-deploy-kube-$name-migrate-migrate")"
  [ "$code" = 0 ] || { echo "error: $name's migration exited $code" >&2; podman logs --tail 30 "chatbot-deploy-kube-$name-migrate-migrate" >&2; exit 1; }
done
echo "migrations done: $((SECONDS - play_started)) s"
for name in simulator identity chat inference-worker moderation billing; do play "$name"; done
deadline=$((SECONDS + ${KUBE_CHECK_HEALTH_WAIT:-600}))
for name in identity chat inference-worker moderation billing; do
  ip="$(cat "$work/pods/$name.ip")"
  until curl -fs -o /dev/null "http://$ip:8081/health"; do
    [ $SECONDS -lt $deadline ] || { echo "error: $name ($ip) not healthy" >&2; podman pod logs --tail 30 "chatbot-deploy-kube-$name-pod-0" >&2 || true; exit 1; }
    sleep 1
  done
  echo "$name: /health answered on $ip:8081 ($((SECONDS - play_started)) s after kube play)"
done
podman pod ps --filter name=chatbot-deploy-kube --format '{{.Name}} {{.Status}} {{.NumberOfContainers}}'
echo "not run by podman (left out, checked by KubernetesSchemaTests): $(cat "$work/pods/ignored.txt")"
echo "== kube check passed in $((SECONDS - started)) s (images $tag)"
