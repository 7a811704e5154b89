using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chatbot.Identity.Data.Migrations
{
    /// <summary>
    /// Identity's own outbox table gives way to the shared one (services/Outbox, the same table chat has). Rows not yet
    /// published move over, keyed by their event's tenant; the old table goes.
    /// </summary>
    public partial class SharedOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordering_key = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    priority = table.Column<byte>(type: "smallint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    dead_lettered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dead_letter_reason = table.Column<string>(type: "character varying(2100)", maxLength: 2100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "dead_lettered_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_ordering_key_id",
                table: "outbox_messages",
                columns: new[] { "ordering_key", "id" },
                filter: "dead_lettered_at IS NULL");

            migrationBuilder.Sql("""
                INSERT INTO outbox_messages (message_id, tenant_id, ordering_key, message_type, payload, created_at, attempts, next_attempt_at)
                SELECT "Id", t.tenant, t.tenant, "Type", "Payload", "CreatedAt", 0, "CreatedAt"
                FROM "OutboxMessages",
                     LATERAL (SELECT COALESCE(("Payload"->>'TenantId')::uuid, '00000000-0000-0000-0000-000000000000') AS tenant) t
                WHERE "DispatchedAt" IS NULL
                ORDER BY "CreatedAt";
                """);

            migrationBuilder.DropTable(
                name: "OutboxMessages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CreatedAt",
                table: "OutboxMessages",
                column: "CreatedAt",
                filter: "\"DispatchedAt\" IS NULL");

            migrationBuilder.Sql("""
                INSERT INTO "OutboxMessages" ("Id", "Type", "Payload", "CreatedAt")
                SELECT message_id, message_type, payload, created_at FROM outbox_messages WHERE dead_lettered_at IS NULL;
                """);

            migrationBuilder.DropTable(
                name: "outbox_messages");
        }
    }
}
