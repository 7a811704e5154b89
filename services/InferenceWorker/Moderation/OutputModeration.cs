using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Moderation.Detectors.Output;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Moderation;

/// <summary>
/// Builds the <see cref="ModeratedReplySink"/> of a reply from the output context moderation left in Redis (canary and
/// placeholder mapping, with an expiry; never on the bus) and the system prompt of the request.
/// </summary>
public sealed class OutputModeration(IConnectionMultiplexer redis, IOptions<OutputModerationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ModeratedReplySink?> WrapAsync(GenerateReply request, IReplySink inner)
    {
        var settings = options.Value;
        if (!settings.Enabled) return null;
        var stored = await redis.GetDatabase().StringGetAsync(ModerationProtocol.ContextKey(request.ReplyId));
        var context = stored.HasValue ? JsonSerializer.Deserialize<StoredContext>(stored.ToString(), Json) : null;
        var system = request.Messages.FirstOrDefault(m => m.Role == "system")?.Content;
        var placeholders = context?.Placeholders ?? new Dictionary<string, string>();
        return new ModeratedReplySink(inner, () => new OutputGuard(context?.Canary, system, settings.HoldBackChars, settings.CheckSecrets),
            placeholders);
    }

    private sealed record StoredContext(string? Canary, Dictionary<string, string>? Placeholders);
}
