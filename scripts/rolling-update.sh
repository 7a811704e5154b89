# Sourced by scripts/deploy-check.sh (uses its project, work and release): a rolling update of chat under load, the way
# a real deployment does it, with containers podman-compose cannot roll itself.
#   - Two chat containers (image chat:$1) on the compose network behind haproxy (localhost/chatbot/haproxy, Debian's
#     package), published on 127.0.0.1:$DEPLOY_CHECK_LB_PORT (5090); haproxy health-checks GET /health every second.
#   - The load tool runs against haproxy: the CI smoke (`--scenario smoke`: GET /api/conversations at
#     DEPLOY_CHECK_ROLL_RATE/s (50; the CI smoke's 200/s saturated this shared 2-core machine before any container was
#     replaced), then 5 turns streamed to done) for DEPLOY_CHECK_ROLL_SECONDS (240), and beside it 2 users chatting
#     (`--scenario chat`), so reply streams (SSE, about 3 s each) are in flight whenever an old container is drained.
#     haproxy sends each chat container at most 32 requests at once and queues the rest (up to 30 s), as a production
#     load balancer does, instead of opening a connection per waiting request.
#   - Each old container is replaced by a chat:$2 container: start the new one, wait until its /health passes, add it to
#     haproxy and wait until haproxy's own check marks it UP; then drain the old one (haproxy's `drain` state: no new
#     requests, as a Kubernetes endpoint removal), wait until its open requests and streams have finished (haproxy's
#     current sessions 0), stop it with SIGTERM (Kestrel's graceful shutdown) and put it in maintenance.
# Passes when the rollout ended while the load still ran and both load runs counted 0 errors. The load tool's accounts log
# in right after sign-up, so for this phase identity runs with Identity__RequireConfirmedEmail=false (a copy of the
# compose container with that one setting); the chat containers get the load settings of the CI smoke (moderation off,
# chat's per-IP and per-tenant request windows raised: every request comes from haproxy's address).
rolling_update_under_load() { # from-tag to-tag
  local from="$1" to="$2" version network lb_ip port="${DEPLOY_CHECK_LB_PORT:-5090}" seconds="${DEPLOY_CHECK_ROLL_SECONDS:-240}"
  local rate="${DEPLOY_CHECK_ROLL_RATE:-50}"
  local load="dotnet run -c Debug --no-build --project benchmarks/Chatbot.Load --"
  version="$(tr -d ' \n' < VERSION)"
  network="$(podman inspect -f '{{range $name, $v := .NetworkSettings.Networks}}{{$name}}{{end}}' "${project}_chat_1")"
  echo "== rolling update of chat under load: chat:$from x2 -> chat:$to, one at a time, behind haproxy on 127.0.0.1:$port"

  podman stop -t 30 "${project}_identity_1" "${project}_chat_1" >/dev/null
  roll_container "${project}-roll-identity" "localhost/chatbot/identity:$release" identity --network-alias identity \
    -- Identity__RequireConfirmedEmail=false Identity__RateLimits__Register__PermitLimit=100000 Identity__RateLimits__Login__PermitLimit=100000
  roll_healthy "${project}-roll-identity"
  local chat_settings=(Moderation__Enabled=false RequestLimits__PerIp__PermitLimit=1000000 RequestLimits__Listing__PermitLimit=1000000
    RequestLimits__PerTenant__Free__PermitLimit=1000000 RequestLimits__PerTenant__Pro__PermitLimit=1000000
    RequestLimits__PerTenant__Enterprise__PermitLimit=1000000)
  local old=("${project}-roll-chat-1" "${project}-roll-chat-2") new=("${project}-roll-chat-3" "${project}-roll-chat-4")
  for name in "${old[@]}"; do roll_container "$name" "localhost/chatbot/chat:$from" chat -- "${chat_settings[@]}"; done
  for name in "${old[@]}"; do roll_healthy "$name"; done

  cat > "$work/haproxy.cfg" <<EOF
global
  stats socket ipv4@0.0.0.0:9999 level admin
  maxconn 4000
defaults
  mode http
  timeout connect 5s
  timeout queue 30s
  timeout check 5s
  timeout client 120s
  timeout server 120s
  timeout http-keep-alive 10s
frontend chat-in
  bind :8080
  default_backend chat
backend chat
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  default-server check inter 1s fall 3 rise 2 maxconn 32
  server s1 $(container_ip "${old[0]}"):8080
  server s2 $(container_ip "${old[1]}"):8080
  server s3 127.0.0.1:1 disabled
  server s4 127.0.0.1:1 disabled
EOF
  podman run -d --name "${project}-roll-lb" --network "$network" -p "127.0.0.1:$port:8080" \
    -v "$work/haproxy.cfg:/etc/haproxy/haproxy.cfg:ro" "localhost/chatbot/haproxy:$version" >/dev/null
  lb_ip="$(container_ip "${project}-roll-lb")"
  local deadline=$((SECONDS + 60))
  until lb "show info" "$lb_ip" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "error: haproxy's runtime API did not answer:" >&2; podman logs --tail 20 "${project}-roll-lb" >&2; return 1; }
    sleep 0.5
  done
  server_up s1 "$lb_ip" && server_up s2 "$lb_ip"

  local started=$SECONDS
  $load --target "http://127.0.0.1:$port" --scenario smoke --rate "$rate" --max-in-flight 64 --duration "$seconds" --json "$work/roll-smoke.json" > "$work/roll-smoke.txt" 2>&1 &
  local smoke=$!
  $load --target "http://127.0.0.1:$port" --scenario chat --users 2 --accounts 2 --ramp 1 --think 4000 --duration "$seconds" \
    --sim-latency 300 --sim-tps 20 --sim-tokens 60 --json "$work/roll-streams.json" > "$work/roll-streams.txt" 2>&1 &
  local streams=$!
  deadline=$((SECONDS + 240))
  until [ "$(lb_stat chat-in FRONTEND req_tot "$lb_ip")" -ge 500 ] 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "error: the load did not start within 240 s:" >&2; tail -20 "$work/roll-smoke.txt" >&2; return 1; }
    kill -0 "$smoke" 2>/dev/null || { echo "error: the smoke load ended before the rollout:" >&2; tail -20 "$work/roll-smoke.txt" >&2; return 1; }
    sleep 1
  done
  echo "load running ($(lb_stat chat-in FRONTEND req_tot "$lb_ip") requests through haproxy after $((SECONDS - started)) s, 5xx so far $(lb_stat chat-in FRONTEND hrsp_5xx "$lb_ip")); rolling"

  local i slot
  for i in 0 1; do
    slot="s$((i + 3))"
    local step=$SECONDS
    roll_container "${new[$i]}" "localhost/chatbot/chat:$to" chat -- "${chat_settings[@]}"
    roll_healthy "${new[$i]}"
    lb "set server chat/$slot addr $(container_ip "${new[$i]}") port 8080" "$lb_ip" >/dev/null
    lb "set server chat/$slot state ready" "$lb_ip" >/dev/null
    server_up "$slot" "$lb_ip"
    echo "${new[$i]} ($to) healthy and UP in haproxy as $slot after $((SECONDS - step)) s"
    step=$SECONDS
    lb "set server chat/s$((i + 1)) state drain" "$lb_ip" >/dev/null
    local open drain_deadline=$((SECONDS + 90))
    until open="$(lb_stat chat "s$((i + 1))" scur "$lb_ip")"; [ "$open" = 0 ]; do
      [ $SECONDS -lt $drain_deadline ] || { echo "warning: ${old[$i]} still had $open open requests after 90 s; stopping it" >&2; break; }
      sleep 0.5
    done
    echo "${old[$i]} drained (5xx so far $(lb_stat chat-in FRONTEND hrsp_5xx "$lb_ip")) in $((SECONDS - step)) s ($(lb_stat chat "s$((i + 1))" stot "$lb_ip") requests served); SIGTERM"
    podman stop -t 30 "${old[$i]}" >/dev/null
    lb "set server chat/s$((i + 1)) state maint" "$lb_ip" >/dev/null
  done
  local rolled=$((SECONDS - started))
  kill -0 "$smoke" 2>/dev/null || { echo "error: the smoke load ended before the rollout finished ($rolled s): raise DEPLOY_CHECK_ROLL_SECONDS" >&2; return 1; }
  echo "rollout finished $rolled s after the load started (5xx so far $(lb_stat chat-in FRONTEND hrsp_5xx "$lb_ip")); waiting for the load to end"
  local smoke_status=0 streams_status=0
  wait "$smoke" || smoke_status=$?
  wait "$streams" || streams_status=$?
  sed -n '/^## /,$p' "$work/roll-smoke.txt" | grep -v '^JSON written'
  sed -n '/^## /,$p' "$work/roll-streams.txt" | grep -v '^JSON written'
  echo "haproxy: $(lb_stat chat-in FRONTEND req_tot "$lb_ip") requests; 5xx answered $(lb_stat chat-in FRONTEND hrsp_5xx "$lb_ip");" \
    "connection errors $(lb_stat chat BACKEND econ "$lb_ip"), response errors $(lb_stat chat BACKEND eresp "$lb_ip")"
  local errors
  errors="$(python3 - "$work/roll-smoke.json" "$work/roll-streams.json" <<'EOF'
import json, sys
total = 0
for path in sys.argv[1:]:
    try:
        document = json.load(open(path))
    except OSError:
        print(f"{path}: no result (the load tool did not finish)", file=sys.stderr)
        total += 1
        continue
    scenarios = document["scenarios"]
    steps = [s for scenario in scenarios for phase in scenario["phases"] for s in phase["steps"]]
    ok, errors = sum(s["ok"] for s in steps), sum(s["errors"] for s in steps)
    # A scenario that stopped (its goal "scenario ran to the end") has no steps: a failure, not 0 errors.
    stopped = sum(1 for scenario in scenarios for goal in scenario["goals"] if goal["Name"] == "scenario ran to the end")
    print(f"{path.rsplit('/', 1)[-1]}: {ok} steps ok, {errors} errors" + (f", {stopped} scenario stopped" if stopped else ""), file=sys.stderr)
    total += errors + stopped + (1 if ok == 0 else 0)
print(total)
EOF
)"
  echo "load tool exit codes: smoke $smoke_status (its rate goal included), streams $streams_status (its latency goals included)"
  [ "$errors" = 0 ] || { echo "error: $errors errors during the rolling update" >&2; return 1; }
  echo "rolling update of chat under load: 0 errors"
  # compose's identity and chat stay stopped: the next step brings the whole system down (compose down) anyway.
  podman rm -f "${new[@]}" "${old[@]}" "${project}-roll-lb" "${project}-roll-identity" >/dev/null
}

roll_container() { # name image compose-service [podman run options...] -- [VARIABLE=value...]: like the compose service's container
  local name="$1" image="$2" service="$3" options=() env="$work/$1.env"; shift 3
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  podman inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "${project}_${service}_1" \
    | grep -vE '^(PATH|HOME|HOSTNAME|container|TERM)=|^$' > "$env"
  printf '%s\n' "$@" >> "$env"
  podman run -d --name "$name" --network "$network" "${options[@]}" --env-file "$env" "$image" >/dev/null
}

container_ip() { podman inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }

roll_healthy() { # container: waits until its /health answers 200
  local ip deadline=$((SECONDS + ${DEPLOY_CHECK_HEALTH_WAIT:-300}))
  ip="$(container_ip "$1")"
  until curl -fs -o /dev/null "http://$ip:8080/health"; do
    [ $SECONDS -lt $deadline ] || { echo "error: $1 not healthy in time:" >&2; podman logs --tail 30 "$1" >&2; return 1; }
    sleep 1
  done
}

lb() { # command lb-ip: haproxy's runtime API (one command per connection)
  local answer
  exec 3<>"/dev/tcp/$2/9999"
  printf '%s\n' "$1" >&3
  answer="$(cat <&3)"
  exec 3<&-
  printf '%s\n' "$answer"
}

lb_stat() { # proxy server field lb-ip: one field of `show stat`, by its header name
  lb "show stat" "$4" | awk -F, -v p="$1" -v s="$2" -v f="$3" \
    'NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) column[$i] = i; next } $1 == p && $2 == s { print $column[f] }'
}

server_up() { # slot lb-ip: waits until haproxy's health check marks the server UP
  local deadline=$((SECONDS + 120))
  until [ "$(lb_stat chat "$1" status "$2")" = UP ]; do
    [ $SECONDS -lt $deadline ] || { echo "error: haproxy did not mark $1 UP: $(lb_stat chat "$1" status "$2")" >&2; return 1; }
    sleep 0.5
  done
}
