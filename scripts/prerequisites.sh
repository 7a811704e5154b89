# Sourced by run.sh and test.sh: makes sure PostgreSQL, Redis and RabbitMQ are installed (Debian packages).
# As root it installs what is missing with apt-get (without starting the system services: the AppHost runs its own
# private instances); without root it prints the exact command and exits non-zero.

# With --browser (tests only) Debian's Chromium is required too: the web page's Playwright tests drive it; and node
# with npm: tests/Chatbot.OpenAi.Tests drives /v1 with the openai npm package.
# With --monitoring (tests and `run.sh --monitoring`) Debian's Prometheus, Alertmanager and the PostgreSQL and Redis
# exporters are required too: promtool unit-tests deploy/monitoring's rules; the AppHost runs them as local processes.
# With --dns (tests only) Debian's dnsmasq-base (the binary, no system service) is required too: the doctor's DNS rows
# are tested against a dnsmasq serving a fake zone (tests/Chatbot.Doctor.Tests).
chatbot_missing_packages() {
  local missing=()
  local browser=0
  [[ " $* " == *" --browser "* ]] && browser=1
  if [ $browser = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ $browser = 1 ] && ! command -v node > /dev/null 2>&1; then missing+=(nodejs); fi
  if [ $browser = 1 ] && ! command -v npm > /dev/null 2>&1; then missing+=(npm); fi
  if [[ " $* " == *" --monitoring "* ]]; then
    command -v promtool > /dev/null 2>&1 || missing+=(prometheus)
    command -v prometheus-alertmanager > /dev/null 2>&1 || missing+=(prometheus-alertmanager)
    command -v prometheus-postgres-exporter > /dev/null 2>&1 || missing+=(prometheus-postgres-exporter)
    command -v prometheus-redis-exporter > /dev/null 2>&1 || missing+=(prometheus-redis-exporter)
  fi
  if [[ " $* " == *" --dns "* ]] && ! command -v dnsmasq > /dev/null 2>&1 && [ ! -x /usr/sbin/dnsmasq ]; then missing+=(dnsmasq-base); fi
  compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null || missing+=(postgresql)
  command -v redis-server > /dev/null 2>&1 || missing+=(redis-server)
  { [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && command -v epmd > /dev/null 2>&1; } || missing+=(rabbitmq-server)
  echo "${missing[@]}"
}

chatbot_ensure_prerequisites() {
  if ! command -v dotnet > /dev/null 2>&1; then
    echo "error: the .NET SDK is missing: install .NET 10 SDK (https://dot.net/download)" >&2
    exit 1
  fi
  local missing
  missing="$(chatbot_missing_packages "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing $missing; install them first: sudo apt-get install -y $missing" >&2
    exit 1
  fi
  echo "Installing $missing (Debian packages)..."
  # Keep the packages' own services from starting (they would take ports 5432/6379/5672): policy-rc.d says "no".
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  local status=$?
  [ "$created_policy" = 1 ] && rm -f "$policy"
  [ $status -eq 0 ] || { echo "error: apt-get install -y $missing failed" >&2; exit 1; }
}
