using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Moderation.Data.Migrations
{
    /// <summary>
    /// Row-level security by tenant, as in chatdb: the service's connections run as the NOLOGIN role
    /// <c>moderation_app</c> and see only rows of the tenant in <c>app.tenant_id</c>; without it they see nothing.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        private static readonly string[] TenantTables = ["audit_entries", "review_items", "tenant_policies"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.CreateRole(ModerationTenancy.Role, TenantTables));
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolation(table, ModerationTenancy.Role));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.DropTenantIsolation(table));
            }
            migrationBuilder.Sql($"REVOKE ALL ON {string.Join(", ", TenantTables)} FROM {ModerationTenancy.Role};");
        }
    }
}
