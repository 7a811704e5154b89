using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResponseCache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "cached",
                table: "usage_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "saved_cost",
                table: "usage_entries",
                type: "numeric(18,8)",
                precision: 18,
                scale: 8,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "cached_per_million",
                table: "prices",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cached",
                table: "usage_entries");

            migrationBuilder.DropColumn(
                name: "saved_cost",
                table: "usage_entries");

            migrationBuilder.DropColumn(
                name: "cached_per_million",
                table: "prices");
        }
    }
}
