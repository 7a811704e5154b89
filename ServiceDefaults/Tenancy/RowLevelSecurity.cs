namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>
/// The SQL of the fail-closed tenant pattern, for migrations: a NOLOGIN application role the service's connections run
/// as (<see cref="TenantConnectionInterceptor"/>), and per tenant-scoped table ENABLE + FORCE ROW LEVEL SECURITY with one
/// policy: a row is visible and writable only when its <c>tenant_id</c> equals <c>app.tenant_id</c>; with no tenant set
/// nothing is. A named cross-tenant scope (<see cref="CrossTenantScope"/>) widens a table only where its migration says so.
/// </summary>
public static class RowLevelSecurity
{
    public const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    /// <summary>Creates <paramref name="role"/> (once per cluster), lets the migrating user act as it, grants it DML on <paramref name="tables"/>.</summary>
    public static string CreateRole(string role, params string[] tables) => $"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                CREATE ROLE {role} NOLOGIN;
            END IF;
        END $$;
        GRANT {role} TO CURRENT_USER;
        GRANT USAGE ON SCHEMA public TO {role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON {string.Join(", ", tables)} TO {role};
        """;

    /// <summary>The tenant policy on <paramref name="table"/>; each of <paramref name="crossTenantScopes"/> also sees every row.</summary>
    public static string TenantIsolation(string table, string role, params string[] crossTenantScopes) =>
        TenantIsolationOn(table, "tenant_id", role, crossTenantScopes);

    /// <summary>
    /// As <see cref="TenantIsolation"/> for a table whose tenant column is <paramref name="tenantColumn"/> (quoted as needed),
    /// or for a table without one, an expression giving the row's tenant (e.g. its parent row's, read under the parent's policy).
    /// </summary>
    public static string TenantIsolationOn(string table, string tenantColumn, string role, params string[] crossTenantScopes)
    {
        var bypass = string.Concat(crossTenantScopes.Select(s => $" OR current_setting('{CrossTenantScope.Setting}', true) = '{s}'"));
        return $"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table} TO {role}
                USING ({tenantColumn} = {CurrentTenant}{bypass}) WITH CHECK ({tenantColumn} = {CurrentTenant}{bypass});
            """;
    }

    /// <summary>
    /// The app role may use every table and sequence of the schema, those of later migrations too (default privileges of
    /// the migrating user): for a database where only some tables are tenant-scoped and the rest are platform-wide.
    /// </summary>
    public static string GrantSchema(string role) => $"""
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role};
        """;

    public static string RevokeSchema(string role) => $"""
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM {role};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {role};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
        """;

    public static string DropTenantIsolation(string table) => $"""
        DROP POLICY IF EXISTS tenant_isolation ON {table};
        ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
        """;
}
