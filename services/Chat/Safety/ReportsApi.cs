using Chatbot.Chat.Auth;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.Outbox;
using Chatbot.Chat.Replies;
using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Safety;

/// <summary>
/// <c>POST /api/replies/{replyId}/report</c>: a user reports one of their replies; the reply (PII and secrets masked)
/// goes to moderation's review queue through the outbox as <see cref="ReplyReported"/>.
/// </summary>
public static class ReportsApi
{
    private const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/replies/{replyId}/report", ReportAsync).WithTags("Replies").RequireAuthorization(AuthorizationPolicies.Member)
            .WithIdempotency();
        return app;
    }

    public static async Task<Results<Accepted, NotFound, ValidationProblem>> ReportAsync(string replyId, ReportRequest? request,
        CurrentUser user, ChatDbContext db, OutboxSignal outbox, TimeProvider clock, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(replyId, out var id))
        {
            return ApiProblems.InvalidId("replyId", replyId);
        }
        var reason = request?.Reason?.Trim() ?? string.Empty;
        if (reason.Length > MaxReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"The reason may have at most {MaxReasonLength} characters."],
            });
        }
        var reply = await db.FindOwnedReplyAsync(user, id, ct);
        if (reply is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var content = Masker.Mask(reply.Content, PiiDetector.Detect(reply.Content)).Text;
        var safeReason = Masker.Mask(reason, PiiDetector.Detect(reason)).Text;
        db.OutboxMessages.Add(OutboxEntry.Create(new ReplyReported(reply.Id, now, reply.Id, user.TenantId, user.UserId, safeReason, content),
            user.TenantId, reply.ConversationId, now));
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        return TypedResults.Accepted((string?)null);
    }
}
