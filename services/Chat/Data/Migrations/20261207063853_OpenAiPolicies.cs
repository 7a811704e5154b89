using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// openai_policies: each tenant's policy for the OpenAI-compatible door (system messages, storing completions, model
    /// aliases), one row per tenant, behind row-level security by tenant like the other tenant-scoped tables.
    /// </summary>
    public partial class OpenAiPolicies : Migration
    {
        private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "openai_policies",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    allow_system_messages = table.Column<bool>(type: "boolean", nullable: true),
                    store_conversations = table.Column<bool>(type: "boolean", nullable: true),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    default_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_openai_policies", x => x.tenant_id);
                });
            migrationBuilder.Sql($"""
                GRANT SELECT, INSERT, UPDATE, DELETE ON openai_policies TO chat_app;
                ALTER TABLE openai_policies ENABLE ROW LEVEL SECURITY;
                ALTER TABLE openai_policies FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON openai_policies TO chat_app
                    USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "openai_policies");
        }
    }
}
