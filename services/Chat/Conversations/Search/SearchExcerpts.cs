using Chatbot.Chat.Data;
using Npgsql;

namespace Chatbot.Chat.Conversations.Search;

/// <summary>
/// For hits of <see cref="ConversationSearch"/>: a short excerpt (<c>ts_headline</c>, about 10 to 30 words around the match,
/// no markup) of each conversation's best matching message, so the model can say what was discussed. Scoped by tenant
/// and user like the search (and by row-level security underneath); the excerpt is computed for one message per
/// conversation only.
/// </summary>
public static class SearchExcerpts
{
    public const string Sql = $"""
        SELECT b.conversation_id AS "ConversationId",
               ts_headline('english'::regconfig, m.content, {ConversationSearch.Query}, 'MaxWords=30, MinWords=10, StartSel="", StopSel=""') AS "Excerpt"
        FROM (
            SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.id
            FROM messages m
            WHERE m.user_id = @user AND m.tenant_id = @tenant AND m.conversation_id = ANY(@ids) AND m.search_vector @@ {ConversationSearch.Query}
            ORDER BY m.conversation_id, ts_rank(m.search_vector, {ConversationSearch.Query}) DESC, m.id
        ) b
        JOIN messages m ON m.id = b.id
        """;

    public static async Task<Dictionary<Guid, string>> ForAsync(ChatDbContext db, string q, Guid userId, Guid tenantId,
        IReadOnlyCollection<Guid> conversationIds, CancellationToken ct)
    {
        if (conversationIds.Count == 0)
        {
            return [];
        }
        var rows = await ConversationSearch.PlannedForItsQueryAsync<SearchExcerpt>(db, Sql, ct,
            new NpgsqlParameter("q", q.Trim()),
            new NpgsqlParameter("user", userId),
            new NpgsqlParameter("tenant", tenantId),
            new NpgsqlParameter("ids", conversationIds.ToArray()));
        return rows.ToDictionary(r => r.ConversationId, r => r.Excerpt);
    }
}
