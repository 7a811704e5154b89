using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// account_exports (POST /api/account/export jobs) and tenant_retention (PUT /api/tenant/retention and the retention
    /// job's runs), both behind row-level security by tenant like the other tenant-scoped tables. Two background jobs
    /// read across tenants, each only in a transaction that sets <c>app.purge</c> to its own scope: the export sweep
    /// ('account_exports': open jobs) and the retention scan ('retention': which tenants have old conversations and
    /// which set a limit). Deleting is done per tenant under the ordinary tenant policies.
    /// </summary>
    public partial class AccountExportsAndRetention : Migration
    {
        private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";
        private const string ExportSweep = "current_setting('app.purge', true) = 'account_exports'";
        private const string RetentionScan = "current_setting('app.purge', true) = 'retention'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_exports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    content = table.Column<string>(type: "text", nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_exports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tenant_retention",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_custom = table.Column<bool>(type: "boolean", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_run_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_run_finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_run_cutoff = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_run_conversations_deleted = table.Column<long>(type: "bigint", nullable: false),
                    last_run_messages_deleted = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_retention", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_tenant_id_updated_at",
                table: "conversations",
                columns: new[] { "tenant_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_updated_at",
                table: "conversations",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_account_exports_open_created_at",
                table: "account_exports",
                column: "created_at",
                filter: "status IN ('queued', 'running')");

            foreach (var table in new[] { "account_exports", "tenant_retention" })
            {
                migrationBuilder.Sql($"""
                    GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO chat_app;
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON {table} TO chat_app
                        USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                    """);
            }
            migrationBuilder.Sql($"""
                CREATE POLICY export_sweep_read ON account_exports FOR SELECT TO chat_app USING ({ExportSweep});
                CREATE POLICY retention_scan_read ON tenant_retention FOR SELECT TO chat_app USING ({RetentionScan});
                CREATE POLICY retention_scan_read ON conversations FOR SELECT TO chat_app USING ({RetentionScan});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY IF EXISTS retention_scan_read ON conversations;");
            migrationBuilder.DropTable(
                name: "account_exports");

            migrationBuilder.DropTable(
                name: "tenant_retention");

            migrationBuilder.DropIndex(
                name: "ix_conversations_tenant_id_updated_at",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_updated_at",
                table: "conversations");
        }
    }
}
