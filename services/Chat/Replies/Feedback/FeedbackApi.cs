using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Replies.Feedback;

/// <summary>
/// Thumbs up or down on one of the caller's own replies, with an optional comment: one per user and reply, changeable
/// (an upsert on the unique index). Another user's or tenant's reply is 404, like an unknown id.
/// </summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/replies/{replyId}/feedback").WithTags("Replies").RequireAuthorization(AuthorizationPolicies.Member);
        api.MapPost("/", PostAsync);
        api.MapGet("/", GetAsync);
        return app;
    }

    public static async Task<Results<Ok<FeedbackDto>, NotFound, ValidationProblem>> PostAsync(string replyId, FeedbackRequest request,
        CurrentUser user, ChatDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(replyId, out var id))
        {
            return ApiProblems.InvalidId("replyId", replyId);
        }
        if (request.Rating is not (ReplyFeedbackLimits.Up or ReplyFeedbackLimits.Down))
        {
            return ApiProblems.Invalid("rating", "rating must be \"up\" or \"down\".");
        }
        if (request.Comment is { Length: > ReplyFeedbackLimits.MaxCommentLength })
        {
            return ApiProblems.Invalid("comment", $"comment must be at most {ReplyFeedbackLimits.MaxCommentLength} characters.");
        }
        if (await db.FindOwnedReplyAsync(user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().TruncateToMicroseconds();
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO reply_feedback (id, tenant_id, user_id, reply_id, rating, comment, created_at, updated_at)
            VALUES ({Guid.CreateVersion7(now)}, {user.TenantId}, {user.UserId}, {id}, {request.Rating}, {comment}, {now}, {now})
            ON CONFLICT (reply_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
            """, ct);
        return TypedResults.Ok(new FeedbackDto(id, request.Rating, comment, now));
    }

    public static async Task<Results<Ok<FeedbackDto>, NotFound, ValidationProblem>> GetAsync(string replyId, CurrentUser user,
        ChatDbContext db, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(replyId, out var id))
        {
            return ApiProblems.InvalidId("replyId", replyId);
        }
        var row = await db.ReplyFeedback.AsNoTracking()
            .FirstOrDefaultAsync(f => f.ReplyId == id && f.UserId == user.UserId && f.TenantId == user.TenantId, ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(FeedbackDto.From(row));
    }
}
