#!/usr/bin/env bash
# Restores a scripts/backup.sh folder into a server whose four databases are missing or empty (a new server, or after
# `DROP DATABASE`): checks the SHA-256 manifest, creates the missing roles (roles.sql), creates each database, pg_restore (custom format, in one transaction),
# then imports RabbitMQ's definitions. Stop the services first; start them after (their migrations find the schema current).
#   PGHOST=... PGPORT=5432 PGUSER=postgres PGPASSWORD=... \
#   RABBITMQ_MANAGEMENT_URL=http://chatbot:<password>@<host>:15672 scripts/restore.sh /backups/chatbot-20261207T040000Z
set -euo pipefail
source="${1:?usage: scripts/restore.sh <backup folder>}"
(cd "$source" && sha256sum --quiet -c SHA256SUMS)
# The roles first (policies and grants name them): each one missing is created; the connecting user's own lines and
# roles that exist already are skipped.
user="${PGUSER:-$(id -un)}"
python3 - "$source/roles.sql" "$user" "$(psql -d postgres -Atc 'SELECT string_agg(rolname, chr(10)) FROM pg_roles')" <<'PY' | psql -d postgres -q -v ON_ERROR_STOP=1
import re, sys
path, user, existing = sys.argv[1], sys.argv[2], set(sys.argv[3].split("\n"))
for line in open(path):
    m = re.match(r'(CREATE|ALTER) ROLE "?([^" ;]+)"?', line)
    if m and (m.group(2) == user or (m.group(1) == "CREATE" and m.group(2) in existing) or (m.group(1) == "ALTER" and m.group(2) in existing)):
        continue
    if line.startswith(("CREATE ROLE", "ALTER ROLE", "GRANT ")):
        print(line, end="")
PY
echo "roles restored"
for dump in "$source"/*.dump; do
  db="$(basename "$dump" .dump)"
  if [ "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ]; then
    tables="$(psql -d "$db" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
    [ "$tables" = 0 ] || { echo "error: $db already has $tables tables; restore into an empty server" >&2; exit 1; }
  else
    psql -d postgres -qc "CREATE DATABASE \"$db\""
  fi
  pg_restore --no-owner --single-transaction --exit-on-error --dbname="$db" "$dump"
  echo "$db restored"
done
if [ -f "$source/rabbitmq-definitions.json" ] && [ -n "${RABBITMQ_MANAGEMENT_URL:-}" ]; then
  curl -fsS -X POST -H 'content-type: application/json' --data-binary @"$source/rabbitmq-definitions.json" \
    "${RABBITMQ_MANAGEMENT_URL%/}/api/definitions" >/dev/null
  echo "rabbitmq definitions imported"
fi
