using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Policies;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Moderation.Flow;

/// <summary>
/// Redis side of the flow: ends a blocked reply's stream with <c>error</c> <c>moderation_blocked</c> (what the SSE
/// client sees) and stores a passed reply's <see cref="OutputContext"/> with an expiry for the worker.
/// </summary>
public sealed class ReplyStreamBlocker(IConnectionMultiplexer redis, IOptions<ModerationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task BlockAsync(Guid replyId, string reason)
    {
        var db = redis.GetDatabase();
        var key = ReplyStreamProtocol.StreamKey(replyId);
        var data = JsonSerializer.Serialize(new { code = ModerationProtocol.BlockedCode, message = reason }, Json);
        await db.StreamAddAsync(key, [new(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Error), new(ReplyStreamProtocol.DataField, data)]);
        await db.KeyExpireAsync(key, TimeSpan.FromSeconds(options.Value.ContextExpirySeconds));
    }

    public Task SaveContextAsync(Guid replyId, OutputContext context) =>
        redis.GetDatabase().StringSetAsync(ModerationProtocol.ContextKey(replyId), JsonSerializer.Serialize(context, Json),
            TimeSpan.FromSeconds(options.Value.ContextExpirySeconds));
}
