using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class ErasureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_Subject",
                table: "OpenIddictTokens",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictAuthorizations_Subject",
                table: "OpenIddictAuthorizations",
                column: "Subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpenIddictTokens_Subject",
                table: "OpenIddictTokens");

            migrationBuilder.DropIndex(
                name: "IX_OpenIddictAuthorizations_Subject",
                table: "OpenIddictAuthorizations");
        }
    }
}
