using Chatbot.Chat.Auth;
using Chatbot.Chat.Quotas;
using Chatbot.Chat.Conversations;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Paging;
using Chatbot.Chat.Turns;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Messages;

public static class MessagesApi
{
    public const string IdempotencyKeyHeader = IdempotencyKeys.Header;
    public const int MaxIdempotencyKeyLength = IdempotencyKeys.MaxLength;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/conversations/{id}/messages").WithTags("Messages").RequireAuthorization(AuthorizationPolicies.Member);
        api.MapGet("/", ListAsync);
        api.MapPost("/", SendAsync);
        return app;
    }

    public static async Task<Results<Ok<Page<MessageDto>>, NotFound, ValidationProblem>> ListAsync(
        string id, string? cursor, int? limit, CurrentUser user, ChatDbContext db, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var conversationId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        if (!Paging.IsValidLimit(limit))
        {
            return Paging.InvalidLimit();
        }
        if (!KeysetCursor.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        if (await db.Conversations.AsNoTracking().FindOwnedAsync(user, conversationId, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var take = limit ?? Paging.DefaultLimit;
        var query = db.Messages.AsNoTracking()
            .Where(m => m.TenantId == user.TenantId && m.ConversationId == conversationId && m.UserId == user.UserId);
        if (after is not null)
        {
            query = query.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.CreatedAt, m.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(MessageDto.From).ToList();
        var next = rows.Count > take ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode() : null;
        return TypedResults.Ok(new Page<MessageDto>(items, next));
    }

    /// <summary>1 to <see cref="MaxIdempotencyKeyLength"/> visible ASCII characters.</summary>
    public static bool IsValidIdempotencyKey(string key) => IdempotencyKeys.IsValid(key);

    public static async Task<Results<Accepted<SendMessageResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SendAsync(
        string id, SendMessageRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        CurrentUser user, TurnStarter sender, IOptions<ChatOptions> options, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(id, out var conversationId))
        {
            return ApiProblems.InvalidId("id", id);
        }
        if (string.IsNullOrWhiteSpace(request.Content))
        {
            return ApiProblems.Invalid("content", "content is required and must not be blank.");
        }
        if (request.Content.Length > options.Value.MaxContentLength)
        {
            return ApiProblems.Invalid("content",
                $"content has {request.Content.Length} characters; the limit is {options.Value.MaxContentLength}.");
        }
        if (idempotencyKey is not null && !IsValidIdempotencyKey(idempotencyKey))
        {
            return ApiProblems.Invalid(IdempotencyKeyHeader,
                $"{IdempotencyKeyHeader} must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters.");
        }
        var outcome = await sender.SendAsync(user, conversationId, request.Content, idempotencyKey, ct);
        return outcome.Failure switch
        {
            SendMessageFailure.ConversationNotFound => TypedResults.NotFound(),
            SendMessageFailure.QuotaDenied => QuotaProblems.For(outcome.Quota!, http, clock.GetUtcNow()),
            SendMessageFailure.IdempotencyKeyReused => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused with a different request.",
                detail: $"The {IdempotencyKeyHeader} was already used with a different conversation or content; use a new key for a new message."),
            _ => TypedResults.Accepted(outcome.Response!.StreamUrl, outcome.Response),
        };
    }
}
