using Chatbot.Moderation.Audit;
using Chatbot.Moderation.Data.Entities;
using Chatbot.ServiceDefaults.Authentication;
using Chatbot.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Moderation.Api;

/// <summary>Tenant admins' review queue: list flagged items (keyset pages), approve or reject one.</summary>
public static class ReviewsApi
{
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/moderation/reviews").RequireAuthorization(AuthorizationPolicies.TenantAdmin).WithTags("Moderation");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/approve", (Guid id, ReviewDecision? body, ReviewQueue queue, CurrentUser user, CancellationToken ct) =>
            DecideAsync(id, true, body, queue, user, ct)).WithIdempotency();
        group.MapPost("/{id:guid}/reject", (Guid id, ReviewDecision? body, ReviewQueue queue, CurrentUser user, CancellationToken ct) =>
            DecideAsync(id, false, body, queue, user, ct)).WithIdempotency();
        return app;
    }

    public static async Task<Results<Ok<Page<ReviewItemDto>>, ProblemHttpResult>> ListAsync(ReviewQueue queue, CurrentUser user,
        string? status, string? cursor, int? limit, CancellationToken ct)
    {
        status ??= ReviewStatuses.Pending;
        if (status is not (ReviewStatuses.Pending or ReviewStatuses.Approved or ReviewStatuses.Rejected))
        {
            return TypedResults.Problem("'status' must be pending, approved or rejected.", statusCode: 400);
        }
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem($"'limit' must be between 1 and {MaxLimit}.", statusCode: 400);
        }
        if (!KeysetCursor.TryDecode(cursor, out var after))
        {
            return TypedResults.Problem("'cursor' is not a cursor this API returned.", statusCode: 400);
        }
        return TypedResults.Ok(await queue.ListAsync(user.TenantId, status, after, limit ?? 20, ct));
    }

    /// <summary>Decides a pending item (recorded in the admin audit log by the queue).</summary>
    public static async Task<Results<NoContent, NotFound>> DecideAsync(Guid id, bool approve, ReviewDecision? body,
        ReviewQueue queue, CurrentUser user, CancellationToken ct)
    {
        if (!await queue.DecideAsync(user.TenantId, id, user.UserId, approve, body?.Note, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.NoContent();
    }
}
