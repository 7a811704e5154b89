using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// Lets the expired-key purge (IdempotencyKeyPurger) see and delete idempotency keys of every tenant, but only in a
    /// transaction that set <c>app.purge = 'idempotency_keys'</c>; every other flow still sees its own tenant's keys only.
    /// The purge finds rows through the existing <c>created_at</c> index.
    /// </summary>
    public partial class IdempotencyKeyExpiry : Migration
    {
        private const string Purging = "current_setting('app.purge', true) = 'idempotency_keys'";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE POLICY expiry_purge_read ON idempotency_keys FOR SELECT TO chat_app USING ({Purging});
                CREATE POLICY expiry_purge_delete ON idempotency_keys FOR DELETE TO chat_app USING ({Purging});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP POLICY IF EXISTS expiry_purge_read ON idempotency_keys;
                DROP POLICY IF EXISTS expiry_purge_delete ON idempotency_keys;
                """);
        }
    }
}
