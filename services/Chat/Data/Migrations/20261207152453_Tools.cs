using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// tools: the tools each tenant registered (issue 31), unique by (tenant, name), behind row-level security by tenant
    /// like the other tenant-scoped tables.
    /// </summary>
    public partial class Tools : Migration
    {
        private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tools",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    parameters = table.Column<string>(type: "jsonb", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    risk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    prompt_versions = table.Column<List<int>>(type: "integer[]", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tools", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tools_tenant_id_name",
                table: "tools",
                columns: new[] { "tenant_id", "name" },
                unique: true);
            migrationBuilder.Sql($"""
                GRANT SELECT, INSERT, UPDATE, DELETE ON tools TO chat_app;
                ALTER TABLE tools ENABLE ROW LEVEL SECURITY;
                ALTER TABLE tools FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON tools TO chat_app
                    USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tools");
        }
    }
}
