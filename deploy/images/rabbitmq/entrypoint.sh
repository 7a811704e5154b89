#!/bin/sh
# The default user from RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS (created on the first start only), reachable from
# other containers; then the broker in the foreground.
set -eu
{
  echo "default_user = ${RABBITMQ_DEFAULT_USER:-guest}"
  echo "default_pass = ${RABBITMQ_DEFAULT_PASS:?RABBITMQ_DEFAULT_PASS is required}"
  echo "loopback_users = none"
} > /etc/rabbitmq/conf.d/10-chatbot.conf
exec rabbitmq-server
