#!/usr/bin/env bash
# Backs up the server's roles (roles.sql, no passwords), the four service databases (pg_dump custom format, one file each) and RabbitMQ's definitions (users, vhosts,
# queues, exchanges, bindings, policies) into a new folder, with a SHA-256 manifest, then records it in chatdb.backup_runs
# (the launch doctor's "recent backup" row reads it). Restore with scripts/restore.sh.
#   PGHOST=... PGPORT=5432 PGUSER=postgres PGPASSWORD=... \
#   RABBITMQ_MANAGEMENT_URL=http://chatbot:<password>@<host>:15672 scripts/backup.sh /backups/chatbot-$(date -u +%Y%m%dT%H%M%SZ)
# RABBITMQ_MANAGEMENT_URL unset: the definitions are skipped (messages in flight are never backed up: they are
# transient by design; the outboxes republish what was not confirmed).
set -euo pipefail
target="${1:?usage: scripts/backup.sh <new folder>}"
databases=(identitydb chatdb moderationdb billingdb)
[ -e "$target" ] && { echo "error: $target exists; give a new folder" >&2; exit 1; }
mkdir -p "$target"
# Roles are the server's, not a database's: the row-level security policies and grants name NOLOGIN roles (chat_app...)
# that a new server does not have. Their definitions and memberships, without passwords.
pg_dumpall --roles-only --no-role-passwords --file="$target/roles.sql"
for db in "${databases[@]}"; do
  pg_dump --format=custom --no-owner --dbname="$db" --file="$target/$db.dump"
  echo "$db: $(du -h "$target/$db.dump" | cut -f1)"
done
if [ -n "${RABBITMQ_MANAGEMENT_URL:-}" ]; then
  curl -fsS "${RABBITMQ_MANAGEMENT_URL%/}/api/definitions" -o "$target/rabbitmq-definitions.json"
  echo "rabbitmq definitions: $(du -h "$target/rabbitmq-definitions.json" | cut -f1)"
fi
(cd "$target" && sha256sum -- * > SHA256SUMS)
# Recorded in chatdb (backup_runs) once everything is written: chat's GET /api/admin/readiness shows the newest one to
# platform admins and the launch doctor's "recent backup" row (docs/doctor.md). A backup that is not recorded fails here.
if ! psql --dbname=chatdb --quiet --no-psqlrc -v ON_ERROR_STOP=1 -v label="$(basename "$target")" >/dev/null <<'SQL'
INSERT INTO backup_runs (label) VALUES (:'label');
SQL
then
  echo "error: the backup in $target is complete but could not be recorded in chatdb.backup_runs (chat's migrations applied?)" >&2
  exit 1
fi
echo "backup in $target (recorded)"
