#!/bin/sh
# The default user from RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS (created on the first start only), reachable from
# other containers; then the broker in the foreground.
set -eu
{
  echo "default_user = ${RABBITMQ_DEFAULT_USER:-guest}"
  echo "default_pass = ${RABBITMQ_DEFAULT_PASS:?RABBITMQ_DEFAULT_PASS is required}"
  echo "loopback_users = none"
} > /etc/rabbitmq/conf.d/10-chatbot.conf
# RABBITMQ_EXTRA_VHOSTS (space-separated): created once the broker answers, the default user given all rights on them.
if [ -n "${RABBITMQ_EXTRA_VHOSTS:-}" ]; then
  (
    rabbitmqctl -q await_startup --timeout 120 >/dev/null 2>&1 || exit 0
    for vhost in $RABBITMQ_EXTRA_VHOSTS; do
      rabbitmqctl -q add_vhost "$vhost" >/dev/null 2>&1 || true
      rabbitmqctl -q set_permissions -p "$vhost" "${RABBITMQ_DEFAULT_USER:-guest}" '.*' '.*' '.*' >/dev/null
    done
  ) &
fi
exec rabbitmq-server
