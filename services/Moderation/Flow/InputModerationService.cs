using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Audit;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Leaks;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Policies;
using MassTransit;

namespace Chatbot.Moderation.Flow;

/// <summary>
/// One <see cref="ModerateInput"/>: checks the new user message under the tenant policy. Blocked: the reply stream gets
/// the reason, <see cref="InputBlocked"/> is published, nothing goes to a provider. Passed: the user message and the
/// history are masked with one mapping, a canary is embedded in the system prompt, the mapping and canary go to Redis,
/// and <see cref="GenerateReply"/> is published with the tier's priority. Flagged and blocked inputs are audited and queued.
/// </summary>
public sealed partial class InputModerationService(
    InputModerator moderator, PolicyProvider policies, ReplyStreamBlocker streams, AuditWriter audit,
    IPublishEndpoint publisher, TimeProvider clock, ILogger<InputModerationService> logger)
{
    public async Task ModerateAsync(ModerateInput command, CancellationToken ct)
    {
        var request = command.Request;
        var policy = await policies.ForAsync(request.TenantId, ct);
        var userMessage = request.Messages.Count > 0 ? request.Messages[^1].Content : string.Empty;
        var verdict = await moderator.CheckAsync(userMessage, policy, ct);
        LogVerdict(request.ReplyId, verdict.Action, string.Join(',', verdict.FlaggedCategories));
        if (verdict.FlagForReview)
        {
            await audit.RecordAsync(request.TenantId, request.UserId, request.ReplyId, "input", verdict, ct);
        }
        if (verdict.Blocked)
        {
            var reason = verdict.Reason ?? Reasons.For(ModerationCategories.PromptInjection);
            await streams.BlockAsync(request.ReplyId, reason);
            await publisher.Publish(new InputBlocked(command.CorrelationId, clock.GetUtcNow(), request.ReplyId, request.TenantId,
                request.UserId, request.ConversationId, request.UserMessageId, [.. verdict.FlaggedCategories], reason), ct);
            return;
        }
        var (messages, placeholders, canary) = Prepare(request.Messages, verdict, policy);
        // The context write goes out before the publish, without waiting for Redis: the hop costs one broker publish,
        // not a Redis round trip too. The worker waits briefly for a context that lands after the message.
        var saving = streams.SaveContextAsync(request.ReplyId, new OutputContext(canary, placeholders));
        await publisher.Publish(request with { OccurredAt = clock.GetUtcNow(), Messages = messages, Moderated = true },
            ctx => ctx.TrySetPriority(TierPriority.For(request.Tier)), ct);
        await saving;
    }

    private static (List<ChatTurn>, Dictionary<string, string>, string?) Prepare(
        IReadOnlyList<ChatTurn> turns, InputVerdict verdict, ModerationPolicy policy)
    {
        var placeholders = new Dictionary<string, string>(verdict.Placeholders, StringComparer.Ordinal);
        var maskPii = policy.ActionFor(ModerationCategories.Pii) == ModerationAction.Mask;
        var maskSecrets = policy.ActionFor(ModerationCategories.Secret) == ModerationAction.Mask;
        string? canary = policy.Canary ? CanaryToken.New() : null;
        var messages = new List<ChatTurn>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (i == turns.Count - 1 && turn.Role == "user")
            {
                messages.Add(turn with { Content = verdict.Text });
            }
            else if (turn.Role == "system")
            {
                messages.Add(canary is null ? turn : turn with { Content = CanaryToken.Embed(turn.Content, canary) });
            }
            else
            {
                var findings = PiiDetector.Detect(turn.Content).Where(f =>
                    (f.Category == ModerationCategories.Pii && maskPii) || (f.Category == ModerationCategories.Secret && maskSecrets));
                messages.Add(turn with { Content = Masker.Mask(turn.Content, findings, placeholders).Text });
            }
        }
        return (messages, placeholders, canary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Input of reply {ReplyId}: {Action} ({Categories})")]
    private partial void LogVerdict(Guid replyId, ModerationAction action, string categories);
}
