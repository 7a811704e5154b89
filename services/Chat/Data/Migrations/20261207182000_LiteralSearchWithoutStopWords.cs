using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// The text search configuration <c>chat_literal</c> for the literal side of a search query (docs/benchmarks.md,
    /// search): 'simple' (every word as written, no stemming) with the English stop words dropped. The stored vectors are
    /// unchanged; only the query stops asking for stop words, so "the" no longer matches, and ranks, every message of the
    /// caller (264 ms at p95 over 1M messages before).
    /// </summary>
    public partial class LiteralSearchWithoutStopWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE TEXT SEARCH DICTIONARY chat_literal_words (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
            CREATE TEXT SEARCH CONFIGURATION chat_literal (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION chat_literal ALTER MAPPING REPLACE simple WITH chat_literal_words;
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DROP TEXT SEARCH CONFIGURATION chat_literal;
            DROP TEXT SEARCH DICTIONARY chat_literal_words;
            """);
    }
}
