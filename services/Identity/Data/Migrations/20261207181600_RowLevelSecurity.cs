using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Identity.Data.Migrations
{
    /// <summary>
    /// Row-level security by tenant for identity's tenant-scoped tables (API keys, invitations), as in chatdb: the
    /// service's connections run as the NOLOGIN role <c>identity_app</c> and see only rows of the tenant in
    /// <c>app.tenant_id</c>; without it they see nothing. The other tables are granted without a policy (docs/security.md).
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.CreateRole(IdentityTenancy.Role, IdentityTenancy.TenantTables));
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.GrantSchema(IdentityTenancy.Role));
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolationOn(
                "\"ApiKeys\"", "\"TenantId\"", IdentityTenancy.Role, IdentityTenancy.ApiKeyVerifyScope));
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolationOn(
                "\"Invitations\"", "\"TenantId\"", IdentityTenancy.Role, IdentityTenancy.InvitationRedeemScope));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in IdentityTenancy.TenantTables)
            {
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.DropTenantIsolation(table));
            }
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.RevokeSchema(IdentityTenancy.Role));
        }
    }
}
