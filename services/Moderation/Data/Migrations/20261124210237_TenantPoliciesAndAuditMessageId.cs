using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Moderation.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantPoliciesAndAuditMessageId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "message_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tenant_policies",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenant_policies", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_message_id",
                table: "audit_entries",
                column: "message_id",
                unique: true,
                filter: "message_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenant_policies");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_message_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "message_id",
                table: "audit_entries");
        }
    }
}
