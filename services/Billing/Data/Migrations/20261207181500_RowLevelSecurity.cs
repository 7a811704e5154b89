using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Billing.Data.Migrations
{
    /// <summary>
    /// Row-level security by tenant, as in chatdb and moderationdb: the service's connections run as the NOLOGIN role
    /// <c>billing_app</c> and see only rows of the tenant in <c>app.tenant_id</c>; without it they see nothing. The
    /// Redis state restore reads all tenants in its named scope. Plans and prices are platform-wide: granted, no policy.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.CreateRole(BillingTenancy.Role, BillingTenancy.TenantTables));
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.GrantSchema(BillingTenancy.Role)); // plans, prices and later tables
            foreach (var table in BillingTenancy.TenantTables)
            {
                var scopes = BillingTenancy.StateRestoreTables.Contains(table) ? new[] { BillingTenancy.StateRestoreScope } : [];
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolation(table, BillingTenancy.Role, scopes));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in BillingTenancy.TenantTables)
            {
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.DropTenantIsolation(table));
            }
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.RevokeSchema(BillingTenancy.Role));
        }
    }
}
