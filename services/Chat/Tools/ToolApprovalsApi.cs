using System.Text.RegularExpressions;
using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Http;
using Chatbot.Contracts.Tools;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chatbot.Chat.Tools;

/// <summary>
/// A human decides a tool call that waits in a reply (the stream's <c>approval_required</c> event): the reply's user for a
/// <c>write</c> tool, a tenant administrator for a <c>critical</c> one. The first decision stands (SET NX on
/// <see cref="ToolApprovalProtocol.DecisionKey"/>), the waiting worker is woken on <see cref="ToolApprovalProtocol.DecisionChannel"/>,
/// and the decision is audited (<see cref="ToolCallAudited"/>, actor = the deciding user) through the outbox.
/// </summary>
public static partial class ToolApprovalsApi
{
    public static IEndpointRouteBuilder MapToolApprovalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/replies/{replyId}/approvals/{callId}", DecideAsync).WithTags("Tools").RequireAuthorization(AuthorizationPolicies.Member);
        return app;
    }

    public static async Task<Results<Ok<ApprovalDecisionRequest>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string replyId, string callId, ApprovalDecisionRequest request, CurrentUser user, ChatDbContext db, IConnectionMultiplexer redis,
        OutboxSignal outbox, TimeProvider clock, CancellationToken ct)
    {
        if (!ApiProblems.TryParseId(replyId, out var id))
        {
            return ApiProblems.InvalidId("replyId", replyId);
        }
        if (!CallIdPattern().IsMatch(callId))
        {
            return ApiProblems.Invalid("callId", "callId must be the id of the approval_required event (letters, digits, '_' or '-').");
        }
        if (request.Approve is not { } approve)
        {
            return ApiProblems.Invalid("approve", "approve is required: true or false.");
        }
        var reply = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.TenantId == user.TenantId
            && m.Role == MessageRoles.Assistant && (m.UserId == user.UserId || user.IsTenantAdmin), ct);
        var store = redis.GetDatabase();
        var pending = reply is null ? RedisValue.Null : await store.StringGetAsync(ToolApprovalProtocol.PendingKey(id, callId));
        if (reply is null || !pending.HasValue)
        {
            return TypedResults.NotFound();
        }
        var (risk, tool) = pending.ToString().Split(':', 2) is [var r, var t] ? (r, t) : (ToolRisk.Critical, "");
        if (risk == ToolRisk.Critical ? !user.IsTenantAdmin : reply.UserId != user.UserId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to decide.",
                detail: risk == ToolRisk.Critical ? "A critical tool call needs a tenant administrator's approval." : "Only the reply's user decides its tool calls.");
        }
        var key = ToolApprovalProtocol.DecisionKey(id, callId);
        var decision = approve ? ToolApprovalProtocol.Approve : ToolApprovalProtocol.Deny;
        if (!await store.StringSetAsync(key, decision, TimeSpan.FromHours(1), When.NotExists))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already decided.",
                detail: "This tool call was already approved, denied or timed out.");
        }
        await store.PublishAsync(RedisChannel.Literal(ToolApprovalProtocol.DecisionChannel), key);

        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(OutboxEntry.Create(new ToolCallAudited(id, now, id, user.TenantId, reply.UserId, tool, risk, callId,
            approve ? ToolCallOutcomes.Approved : ToolCallOutcomes.Denied, approve ? "approved by a person" : "denied by a person", "",
            user.UserId.ToString()), user.TenantId, id, now));
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        return TypedResults.Ok(request);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex CallIdPattern();
}
