using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// Full-text search (GET /api/conversations?q=): a stored generated <c>search_vector</c> on conversations (title,
    /// weight A) and messages (content, weight D), each the 'english' vector (stemmed: "running" matches "run") joined with
    /// the 'simple' one (every word as written, so text in other languages and English stop words still match).
    /// GIN indexes on (user_id, search_vector) through btree_gin: a search reads only the caller's matching rows instead
    /// of every tenant's matches of a common word. The columns are not in the EF model (queries would otherwise load them);
    /// only <c>ConversationSearch</c>'s SQL reads them. Adding a stored column rewrites both tables once.
    /// </summary>
    public partial class ConversationSearch : Migration
    {
        private const string TitleVector =
            "setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, title), 'A')";
        private const string ContentVector =
            "to_tsvector('english'::regconfig, content) || to_tsvector('simple'::regconfig, content)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
            migrationBuilder.Sql($"""
                ALTER TABLE conversations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({TitleVector}) STORED;
                CREATE INDEX ix_conversations_user_id_search_vector ON conversations USING gin (user_id, search_vector);
                ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({ContentVector}) STORED;
                CREATE INDEX ix_messages_user_id_search_vector ON messages USING gin (user_id, search_vector);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_messages_user_id_search_vector;
                ALTER TABLE messages DROP COLUMN IF EXISTS search_vector;
                DROP INDEX IF EXISTS ix_conversations_user_id_search_vector;
                ALTER TABLE conversations DROP COLUMN IF EXISTS search_vector;
                """);
        }
    }
}
