using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Identity.Data.Migrations
{
    /// <summary>
    /// Row-level security on ASP.NET Core Identity's users, as on API keys and invitations: <c>"AspNetUsers"</c> by its
    /// tenant, and a user's claims, logins and tokens through their user (a row is visible when its user is). The steps
    /// that find a user before any tenant is known ask one of two <c>SECURITY DEFINER</c> lookups for the user's tenant id
    /// and nothing else (<c>Accounts/UserTenants</c>), then act as that tenant; no cross-tenant scope opens the table.
    /// The lookups run as their owner, the migrating user; <c>user_tenant_lookup</c> lets that owner read the table under
    /// FORCE even without superuser or BYPASSRLS (it owns the table and could lift the policies anyway).
    /// </summary>
    public partial class UserRowLevelSecurity : Migration
    {
        private const string Users = "\"AspNetUsers\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolationOn(Users, "\"TenantId\"", IdentityTenancy.Role));
            foreach (var table in IdentityTenancy.UserTables.Where(t => t != Users))
            {
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.TenantIsolationOn(table,
                    $"(SELECT u.\"TenantId\" FROM {Users} u WHERE u.\"Id\" = {table}.\"UserId\")", IdentityTenancy.Role));
            }
            migrationBuilder.Sql($"""
                CREATE FUNCTION {IdentityTenancy.UserTenantByEmail}(normalized_email text) RETURNS uuid
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT "TenantId" FROM {Users} WHERE "NormalizedEmail" = normalized_email $$;
                CREATE FUNCTION {IdentityTenancy.UserTenantById}(user_id uuid) RETURNS uuid
                    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
                    AS $$ SELECT "TenantId" FROM {Users} WHERE "Id" = user_id $$;
                REVOKE ALL ON FUNCTION {IdentityTenancy.UserTenantByEmail}(text), {IdentityTenancy.UserTenantById}(uuid) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION {IdentityTenancy.UserTenantByEmail}(text), {IdentityTenancy.UserTenantById}(uuid) TO {IdentityTenancy.Role};
                CREATE POLICY user_tenant_lookup ON {Users} FOR SELECT TO CURRENT_USER USING (true);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP POLICY IF EXISTS user_tenant_lookup ON {Users};
                DROP FUNCTION IF EXISTS {IdentityTenancy.UserTenantByEmail}(text);
                DROP FUNCTION IF EXISTS {IdentityTenancy.UserTenantById}(uuid);
                """);
            foreach (var table in IdentityTenancy.UserTables)
            {
                migrationBuilder.Sql(ServiceDefaults.Tenancy.RowLevelSecurity.DropTenantIsolation(table));
            }
        }
    }
}
