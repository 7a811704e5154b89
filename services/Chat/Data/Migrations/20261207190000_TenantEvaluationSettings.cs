using System;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// tenant_evaluation_settings: a tenant's evaluation gate threshold and margin (GET/PUT /api/prompts/evaluation-settings,
    /// read by the gate), by primary key, under the tenant isolation policy.
    /// </summary>
    [DbContext(typeof(ChatDbContext))]
    [Migration("20261207190000_TenantEvaluationSettings")]
    public partial class TenantEvaluationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tenant_evaluation_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: true),
                    margin = table.Column<double>(type: "double precision", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_evaluation_settings", x => x.tenant_id);
                });

            migrationBuilder.Sql($"GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_evaluation_settings TO {ChatTenancy.Role};");
            migrationBuilder.Sql(RowLevelSecurity.TenantIsolation("tenant_evaluation_settings", ChatTenancy.Role));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenant_evaluation_settings");
        }
    }
}
