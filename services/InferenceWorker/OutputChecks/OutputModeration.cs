using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.InferenceWorker.Generation;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Moderation.Detectors.Output;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>
/// Builds the <see cref="ModeratedReplySink"/> of a reply from the output context moderation left in Redis (canary and
/// placeholder mapping, with an expiry; never on the bus) and the system prompt of the request.
/// </summary>
public sealed class OutputModeration(IConnectionMultiplexer redis, IOptions<OutputModerationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Starts reading the reply's output context, so the read overlaps the generator's other Redis reads.</summary>
    public Task<RedisValue> ReadContextAsync(Guid replyId) => options.Value.Enabled
        ? redis.GetDatabase().StringGetAsync(ModerationProtocol.ContextKey(replyId))
        : Task.FromResult(RedisValue.Null);

    /// <summary>The output guard for <paramref name="request"/>, or null when output checks are off.</summary>
    public async Task<ModeratedReplySink?> WrapAsync(GenerateReply request, IReplySink inner, Task<RedisValue> pendingContext)
    {
        var settings = options.Value;
        if (!settings.Enabled) return null;
        var stored = await pendingContext;
        if (stored.IsNull && request.Moderated)
        {
            stored = await WaitForContextAsync(request.ReplyId, settings.ContextWait);
        }
        var context = stored.HasValue ? JsonSerializer.Deserialize<StoredContext>(stored.ToString(), Json) : null;
        var system = request.Messages.FirstOrDefault(m => m.Role == "system")?.Content;
        var placeholders = context?.Placeholders ?? new Dictionary<string, string>();
        return new ModeratedReplySink(inner, () => new OutputGuard(context?.Canary, system, settings.HoldBackChars, settings.CheckSecrets),
            placeholders);
    }

    private async Task<RedisValue> WaitForContextAsync(Guid replyId, TimeSpan budget)
    {
        var stored = await RedisKeyPoll.WaitForValueAsync(redis.GetDatabase(), ModerationProtocol.ContextKey(replyId), budget, TimeProvider.System);
        return stored.IsNull ? throw new OutputContextMissingException(replyId) : stored;
    }

    private sealed record StoredContext(string? Canary, Dictionary<string, string>? Placeholders);
}
