using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// messages.content_tokens and prompt_versions.content_tokens: the o200k count of the content, stored when it is final
    /// so a send's context window does not tokenize the history again. Existing rows stay NULL (the tokenizer is not in
    /// the database); the window counts those when it needs them.
    /// </summary>
    public partial class MessageContentTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "content_tokens",
                table: "prompt_versions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "content_tokens",
                table: "messages",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_tokens",
                table: "prompt_versions");

            migrationBuilder.DropColumn(
                name: "content_tokens",
                table: "messages");
        }
    }
}
