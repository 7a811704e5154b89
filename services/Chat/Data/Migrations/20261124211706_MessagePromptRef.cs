using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// messages.prompt_ref: the prompt a reply used, unambiguously (<c>global:v1</c> / <c>tenant:v3</c>). Existing replies are
    /// backfilled where the version number can only have meant one prompt: the global default's when the tenant had no
    /// own version with that number yet when the reply was written. Replies that could have used either keep NULL
    /// (the API shows promptRef null for them). The backfill sees every tenant's rows only when the migrating role
    /// bypasses row-level security (a superuser, as in the AppHost); otherwise the rows stay NULL.
    /// </summary>
    public partial class MessagePromptRef : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "prompt_ref",
                table: "messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
            migrationBuilder.Sql("""
                UPDATE messages m SET prompt_ref = 'global:v' || m.prompt_version
                WHERE m.prompt_version IS NOT NULL AND m.prompt_ref IS NULL
                  AND NOT EXISTS (SELECT 1 FROM prompt_versions p
                                  WHERE p.tenant_id = m.tenant_id AND p.version = m.prompt_version AND p.created_at <= m.created_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "prompt_ref",
                table: "messages");
        }
    }
}
