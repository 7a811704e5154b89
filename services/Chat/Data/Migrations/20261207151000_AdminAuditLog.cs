using Chatbot.Chat.Audit;
using Chatbot.Chat.Tenancy;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// The admin audit log of every service (docs/audit.md): append-only (a trigger refuses UPDATE, DELETE and TRUNCATE,
    /// for the table owner too; <c>chat_app</c> has only SELECT and INSERT), tenant-scoped under row-level security, read
    /// across tenants only in the <c>audit_read</c> scope that platform admins' <c>GET /api/audit</c> opens. Not in the
    /// EF model: <see cref="AdminAuditStore"/> reads and writes it in SQL.
    /// </summary>
    public partial class AdminAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE admin_audit_entries (
                    id uuid PRIMARY KEY,
                    tenant_id uuid NOT NULL,
                    actor_id uuid NOT NULL,
                    service text NOT NULL,
                    action text NOT NULL,
                    target text NOT NULL,
                    before jsonb NULL,
                    after jsonb NULL,
                    occurred_at timestamptz NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT now());
                CREATE INDEX ix_admin_audit_entries_tenant ON admin_audit_entries (tenant_id, occurred_at DESC, id DESC);
                CREATE INDEX ix_admin_audit_entries_tenant_actor ON admin_audit_entries (tenant_id, actor_id, occurred_at DESC, id DESC);
                CREATE INDEX ix_admin_audit_entries_tenant_action ON admin_audit_entries (tenant_id, action, occurred_at DESC, id DESC);
                CREATE INDEX ix_admin_audit_entries_time ON admin_audit_entries (occurred_at DESC, id DESC);
                GRANT SELECT, INSERT ON admin_audit_entries TO {ChatTenancy.Role};
                CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'admin_audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER admin_audit_entries_append_only BEFORE UPDATE OR DELETE ON admin_audit_entries
                    FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only();
                CREATE TRIGGER admin_audit_entries_no_truncate BEFORE TRUNCATE ON admin_audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_append_only();
                """);
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolation("admin_audit_entries", ChatTenancy.Role, AdminAuditStore.ReadScope));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS admin_audit_entries; DROP FUNCTION IF EXISTS admin_audit_append_only();");
        }
    }
}
