using Chatbot.Chat.Data;
using Chatbot.Contracts.Chat;
using MassTransit;

namespace Chatbot.Chat.Conversations.Search;

/// <summary>
/// Answers the worker's built-in <c>conversation_search</c> tool (<see cref="SearchConversations"/>, request/response over
/// RabbitMQ): the same search as <c>GET /api/conversations?q=</c>, for the user and tenant the message names (the
/// reply's own; the consume filter enters that tenant, so chatdb's row-level security applies as for a request), with an
/// excerpt of each hit's best matching message. A blank or over-long query finds nothing.
/// </summary>
public sealed class SearchConversationsConsumer(ChatDbContext db, TimeProvider clock) : IConsumer<SearchConversations>
{
    public const int MaxResults = 10;

    public async Task Consume(ConsumeContext<SearchConversations> context)
    {
        var request = context.Message;
        var query = request.Query.Trim();
        List<FoundConversation> found = [];
        if (query.Length is > 0 and <= ConversationSearch.MaxQueryLength)
        {
            var take = Math.Clamp(request.Limit, 1, MaxResults);
            var hits = await ConversationSearch.QueryAsync(db, query, request.UserId, request.TenantId, SearchCursor.Start, take, context.CancellationToken);
            var excerpts = await SearchExcerpts.ForAsync(db, query, request.UserId, request.TenantId, [.. hits.Select(h => h.Id)], context.CancellationToken);
            found = [.. hits.Select(h => new FoundConversation(h.Title, h.UpdatedAt, excerpts.GetValueOrDefault(h.Id)))];
        }
        await context.RespondAsync(new ConversationsFound(request.CorrelationId, clock.GetUtcNow(), found));
    }
}
