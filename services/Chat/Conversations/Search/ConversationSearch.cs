using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chatbot.Chat.Conversations.Search;

/// <summary>
/// <c>GET /api/conversations?q=</c>: the caller's conversations whose title or any message matches <c>q</c> (web search
/// syntax: words, "phrases", or, -not), best first by <c>ts_rank</c> (a title hit weighs more than a message hit; a
/// conversation ranks by its best hit), then id; keyset pages with the list route's <c>cursor</c>/<c>limit</c> and
/// <see cref="Page{T}"/>. The query is stemmed ('english') and literal at once, as the stored vectors are
/// (migration <c>ConversationSearch</c>); the literal side drops English stop words (configuration <c>chat_literal</c>,
/// migration <c>LiteralSearchWithoutStopWords</c>), so a query of stop words alone matches nothing instead of every message. Scoped by tenant and user in the SQL and by row-level security underneath;
/// both GIN indexes start with user_id, so only the caller's matches are read.
/// </summary>
public static class ConversationSearch
{
    public const int MaxQueryLength = 256;
    public const string CustomPlan = "SET LOCAL plan_cache_mode = force_custom_plan";

    private const string Query = "(websearch_to_tsquery('english'::regconfig, @q) || websearch_to_tsquery('chat_literal'::regconfig, @q))";

    /// <summary>The statement (parameters q, user, tenant, after_rank, after_id, take); the search benchmark prints its plan.</summary>
    public const string Sql = $"""
        WITH hits AS (
            SELECT c.id AS conversation_id, ts_rank(c.search_vector, {Query}) AS rank
            FROM conversations c
            WHERE c.user_id = @user AND c.tenant_id = @tenant AND c.search_vector @@ {Query}
            UNION ALL
            SELECT m.conversation_id, ts_rank(m.search_vector, {Query})
            FROM messages m
            WHERE m.user_id = @user AND m.tenant_id = @tenant AND m.search_vector @@ {Query}
        ), ranked AS (
            SELECT conversation_id, max(rank) AS rank FROM hits GROUP BY conversation_id
        )
        SELECT c.id AS "Id", c.title AS "Title", c.created_at AS "CreatedAt", c.updated_at AS "UpdatedAt", r.rank AS "Rank"
        FROM ranked r
        JOIN conversations c ON c.id = r.conversation_id AND c.user_id = @user AND c.tenant_id = @tenant
        WHERE (r.rank, c.id) < (@after_rank, @after_id)
        ORDER BY r.rank DESC, c.id DESC
        LIMIT @take
        """;

    public static async Task<Results<Ok<Page<ConversationDto>>, ValidationProblem>> SearchAsync(
        string q, string? cursor, int? limit, CurrentUser user, ChatDbContext db, CancellationToken ct)
    {
        if (q.Length > MaxQueryLength)
        {
            return ApiProblems.Invalid("q", $"q must be at most {MaxQueryLength} characters.");
        }
        if (!Paging.IsValidLimit(limit))
        {
            return Paging.InvalidLimit();
        }
        if (!SearchCursor.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = limit ?? Paging.DefaultLimit;
        // The services plan repeated statements once (force_generic_plan); a plan that does not know the words cannot
        // pick the GIN index, so this one statement is planned for its own query (docs/benchmarks.md, "Conversation search").
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(CustomPlan, ct);
        var rows = await db.Database.SqlQueryRaw<SearchHit>(Sql,
                new NpgsqlParameter("q", q.Trim()),
                new NpgsqlParameter("user", user.UserId),
                new NpgsqlParameter("tenant", user.TenantId),
                new NpgsqlParameter("after_rank", after.Rank),
                new NpgsqlParameter("after_id", after.Id),
                new NpgsqlParameter("take", take + 1))
            .ToListAsync(ct);
        await transaction.CommitAsync(ct);
        var items = rows.Take(take).Select(h => h.ToDto()).ToList();
        var next = rows.Count > take ? new SearchCursor(rows[take - 1].Rank, rows[take - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<ConversationDto>(items, next));
    }
}
