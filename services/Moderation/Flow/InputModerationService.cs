using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Audit;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Injection;
using Chatbot.Moderation.Detectors.Leaks;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Output;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Policies;
using MassTransit;

namespace Chatbot.Moderation.Flow;

/// <summary>
/// One <see cref="ModerateInput"/>: checks the new user message (or the results of the caller's tools that end the
/// request, each of them) under the tenant policy. Blocked: the reply stream gets
/// the reason, <see cref="InputBlocked"/> is published, nothing goes to a provider. Passed: the user message and the
/// history are masked with one mapping, a canary is embedded in the system prompt, the mapping and canary go to Redis,
/// and <see cref="GenerateReply"/> is published with the tier's priority. Flagged and blocked inputs are audited and queued.
/// A grey-zone input (<see cref="ModerationCategories.SuspectedInjection"/>) is answered, spotlighted: the user message
/// between tagged delimiters and a system prompt rule that text between them is data, not instructions.
/// A turn of a tenant that opted into the response cache carries its cache key when nothing personal was found in it.
/// </summary>
public sealed partial class InputModerationService(
    InputModerator moderator, PolicyProvider policies, ReplyStreamBlocker streams, ResponseCacheMarks cacheMarks, AuditWriter audit,
    IPublishEndpoint publisher, TimeProvider clock, ILogger<InputModerationService> logger)
{
    public async Task ModerateAsync(ModerateInput command, CancellationToken ct)
    {
        var request = command.Request;
        var policy = await policies.ForAsync(request.TenantId, ct);
        var userMessage = request.Messages.Count > 0 ? request.Messages[^1].Content : string.Empty;
        var verdict = await moderator.CheckAsync(userMessage, policy, ct);
        // The results of a caller's tools are input like a user message: every result the last one came with is checked too.
        for (var i = request.Messages.Count - 2; i >= 0 && request.Messages[i].Role == "tool" && !verdict.Blocked; i--)
        {
            if (await moderator.CheckAsync(request.Messages[i].Content, policy, ct) is { Blocked: true } blocked) verdict = blocked;
        }
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
        var saving = streams.SaveContextAsync(request.ReplyId, new OutputContext(canary, placeholders, OutputPolicy.From(policy)));
        var cacheKey = Cacheable(request, verdict, policy, placeholders, messages) ? ResponseCacheKey.For(request) : null;
        await publisher.Publish(request with
            {
                OccurredAt = clock.GetUtcNow(), Messages = messages, Moderated = true,
                CacheKey = cacheKey, CacheTtlSeconds = cacheKey is null ? 0 : policy.ResponseCacheSeconds,
            },
            ctx => ctx.TrySetPriority(TierPriority.For(request.Tier)), ct);
        await saving;
        if (cacheKey is not null)
        {
            await cacheMarks.MarkAllowedAsync(request.TenantId, cacheKey, policy);
        }
    }

    /// <summary>
    /// The response cache is the tenant's choice and only for turns with nothing personal in them: no personal data or
    /// secret found in the message or the history (nothing masked), no stage that failed open, not spotlighted (a grey-zone
    /// input), not cut short by the budget. Chat may answer a repeat before moderation sees it
    /// (<see cref="ResponseCacheMarks"/>), so a cacheable decision must be one worth repeating without another look.
    /// </summary>
    private static bool Cacheable(GenerateReply request, InputVerdict verdict, ModerationPolicy policy,
        Dictionary<string, string> placeholders, List<ChatTurn> messages) =>
        policy.ResponseCacheSeconds > 0 && !request.BudgetLimited && request.ClientTools is not { Count: > 0 } && placeholders.Count == 0 && verdict.FailedStages.Count == 0
        && verdict.Action == ModerationAction.Allow && messages.Count == request.Messages.Count
        && !verdict.Findings.Any(f => f.Category is ModerationCategories.Pii or ModerationCategories.Secret)
        && !verdict.FlaggedCategories.Contains(ModerationCategories.SuspectedInjection);

    private static (List<ChatTurn>, Dictionary<string, string>, string?) Prepare(
        IReadOnlyList<ChatTurn> turns, InputVerdict verdict, ModerationPolicy policy)
    {
        var placeholders = new Dictionary<string, string>(verdict.Placeholders, StringComparer.Ordinal);
        var maskPii = policy.ActionFor(ModerationCategories.Pii) == ModerationAction.Mask;
        var maskSecrets = policy.ActionFor(ModerationCategories.Secret) == ModerationAction.Mask;
        string? canary = policy.Canary ? CanaryToken.New() : null;
        // Grey zone: answered, but with the message marked as untrusted data and a system prompt that says so.
        var spotlight = verdict.FlaggedCategories.Contains(ModerationCategories.SuspectedInjection) ? Spotlight.NewTag() : null;
        var messages = new List<ChatTurn>(turns.Count + 1);
        if (spotlight is not null && !turns.Any(t => t.Role == "system"))
        {
            messages.Add(new ChatTurn("system", Spotlight.Harden(string.Empty, spotlight).TrimStart()));
        }
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (i == turns.Count - 1 && turn.Role is "user" or "tool")
            {
                messages.Add(turn with { Content = spotlight is null ? verdict.Text : Spotlight.Wrap(verdict.Text, spotlight) });
            }
            else if (turn.Role == "system")
            {
                var system = spotlight is null ? turn.Content : Spotlight.Harden(turn.Content, spotlight);
                messages.Add(turn with { Content = canary is null ? system : CanaryToken.Embed(system, canary) });
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
