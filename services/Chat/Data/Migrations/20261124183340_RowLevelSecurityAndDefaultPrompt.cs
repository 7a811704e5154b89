using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// Row-level security by tenant: the service's connections run as the NOLOGIN role <c>chat_app</c>
    /// (see TenantConnectionInterceptor) and see only rows whose tenant_id equals the setting <c>app.tenant_id</c>;
    /// without the setting they see nothing. Also seeds the global default system prompt (version 1).
    /// </summary>
    public partial class RowLevelSecurityAndDefaultPrompt : Migration
    {
        private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";
        private static readonly string[] TenantTables = ["conversations", "messages", "idempotency_keys"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chat_app') THEN
                        CREATE ROLE chat_app NOLOGIN;
                    END IF;
                END $$;
                GRANT chat_app TO CURRENT_USER;
                GRANT USAGE ON SCHEMA public TO chat_app;
                GRANT SELECT, INSERT, UPDATE, DELETE ON conversations, messages, idempotency_keys, prompt_versions, outbox_messages TO chat_app;
                """);
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON {table} TO chat_app
                        USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                    """);
            }
            // Prompt versions: a tenant reads its own and the global defaults (tenant_id NULL), and writes only its own.
            migrationBuilder.Sql($"""
                ALTER TABLE prompt_versions ENABLE ROW LEVEL SECURITY;
                ALTER TABLE prompt_versions FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_read ON prompt_versions FOR SELECT TO chat_app
                    USING (tenant_id IS NULL OR tenant_id = {CurrentTenant});
                CREATE POLICY tenant_write ON prompt_versions FOR ALL TO chat_app
                    USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                INSERT INTO prompt_versions (id, tenant_id, created_by, version, content, is_active, created_at)
                VALUES (gen_random_uuid(), NULL, NULL, 1,
                    'You are a helpful, honest assistant. Answer clearly and concisely. If you do not know, say so.',
                    TRUE, now());
                """);
            // The outbox is read across tenants by the dispatcher; it is not exposed by any route.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM prompt_versions WHERE tenant_id IS NULL AND version = 1;");
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS tenant_read ON prompt_versions;
                DROP POLICY IF EXISTS tenant_write ON prompt_versions;
                ALTER TABLE prompt_versions DISABLE ROW LEVEL SECURITY;
                """);
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql($"""
                    DROP POLICY IF EXISTS tenant_isolation ON {table};
                    ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                    """);
            }
            migrationBuilder.Sql("REVOKE ALL ON conversations, messages, idempotency_keys, prompt_versions, outbox_messages FROM chat_app;");
        }
    }
}
