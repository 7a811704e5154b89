using Chatbot.Chat.Tenancy;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// <c>backup_runs</c>: one row per finished <c>scripts/backup.sh</c> (it inserts the row itself, as the dumping
    /// user), read by <c>GET /api/admin/readiness</c> for the launch doctor's "recent backup" row. Not tenant data, so no
    /// row-level security; <c>chat_app</c> only reads it. Not in the EF model (<c>Operations/BackupLog</c> reads it in SQL).
    /// </summary>
    public partial class BackupRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE backup_runs (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    completed_at timestamptz NOT NULL DEFAULT now(),
                    label text NOT NULL);
                CREATE INDEX ix_backup_runs_completed_at ON backup_runs (completed_at DESC);
                GRANT SELECT ON backup_runs TO {ChatTenancy.Role};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS backup_runs;");
        }
    }
}
