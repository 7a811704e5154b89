using Chatbot.Chat.Auth;
using Chatbot.Chat.Conversations.Search;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Conversations;

public static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization(AuthorizationPolicies.Member);
        api.MapPost("/", CreateAsync).WithIdempotency();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPatch("/{id}", UpdateAsync);
        api.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    public static async Task<Results<Created<ConversationDto>, ValidationProblem>> CreateAsync(
        ConversationRequest request, CurrentUser user, ChatDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.Title is { Length: > ConversationRequest.MaxTitleLength })
        {
            return ApiProblems.Invalid("title", $"title must be at most {ConversationRequest.MaxTitleLength} characters.");
        }
        var now = clock.GetUtcNow().TruncateToMicroseconds();
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(now),
            TenantId = user.TenantId,
            UserId = user.UserId,
            Title = string.IsNullOrWhiteSpace(request.Title) ? ConversationRequest.DefaultTitle : request.Title.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", ConversationDto.From(conversation));
    }

    public static async Task<Results<Ok<Page<ConversationDto>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, string? q, CurrentUser user, ChatDbContext db, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            return await ConversationSearch.SearchAsync(q, cursor, limit, user, db, ct);
        }
        if (!Paging.IsValidLimit(limit))
        {
            return Paging.InvalidLimit();
        }
        if (!KeysetCursor.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = limit ?? Paging.DefaultLimit;
        var query = db.Conversations.AsNoTracking().Where(c => c.TenantId == user.TenantId && c.UserId == user.UserId);
        if (after is not null)
        {
            query = query.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(ConversationDto.From).ToList();
        var next = rows.Count > take ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode() : null;
        return TypedResults.Ok(new Page<ConversationDto>(items, next));
    }

    public static async Task<Results<Ok<ConversationDto>, NotFound, ValidationProblem>> GetAsync(
        string id, CurrentUser user, ChatDbContext db, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var conversationId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        var conversation = await db.Conversations.AsNoTracking().FindOwnedAsync(user, conversationId, ct);
        return conversation is null ? TypedResults.NotFound() : TypedResults.Ok(ConversationDto.From(conversation));
    }

    public static async Task<Results<Ok<ConversationDto>, NotFound, ValidationProblem>> UpdateAsync(
        string id, ConversationRequest request, CurrentUser user, ChatDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var conversationId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > ConversationRequest.MaxTitleLength)
        {
            return ApiProblems.Invalid("title", $"title is required and must be at most {ConversationRequest.MaxTitleLength} characters.");
        }
        var conversation = await db.Conversations.FindOwnedAsync(user, conversationId, ct);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }
        conversation.Title = request.Title.Trim();
        conversation.UpdatedAt = clock.GetUtcNow().TruncateToMicroseconds();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConversationDto.From(conversation));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteAsync(
        string id, CurrentUser user, ChatDbContext db, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var conversationId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        var deleted = await db.Conversations
            .Where(c => c.Id == conversationId && c.TenantId == user.TenantId && c.UserId == user.UserId)
            .ExecuteDeleteAsync(ct);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    internal static Task<Conversation?> FindOwnedAsync(this IQueryable<Conversation> conversations, CurrentUser user,
        Guid id, CancellationToken ct) =>
        conversations.FirstOrDefaultAsync(c => c.Id == id && c.TenantId == user.TenantId && c.UserId == user.UserId, ct);
}
