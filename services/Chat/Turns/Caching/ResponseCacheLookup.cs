using Chatbot.Contracts.Inference;
using StackExchange.Redis;

namespace Chatbot.Chat.Turns.Caching;

/// <summary>
/// Looks for a response cache hit before a turn is published (docs/experiments.md, "Response cache"): one Redis round
/// trip (MGET) reads the cached reply, the fingerprint of the moderation policy that allowed this exact input
/// (same tenant, prompt, model, parameters and messages: <see cref="ResponseCacheKey"/>) and the tenant's current
/// fingerprint. A hit needs all three and equal fingerprints: the input was moderated and allowed under the policy that
/// applies now, so it is not moderated again. Anything else, or Redis failing, is a miss: the turn goes the usual way.
/// </summary>
public sealed partial class ResponseCacheLookup(IConnectionMultiplexer redis, ILogger<ResponseCacheLookup> logger)
{
    public async Task<CachedReply?> FindAsync(GenerateReply command)
    {
        var key = ResponseCacheKey.For(command);
        RedisValue[] values;
        try
        {
            values = await redis.GetDatabase().StringGetAsync(
            [
                ResponseCacheKey.EntryKey(command.TenantId, key), ResponseCacheKey.AllowedKey(command.TenantId, key),
                ResponseCacheKey.PolicyKey(command.TenantId),
            ]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogLookupFailed(ex, command.ReplyId);
            return null;
        }
        if (values[0].IsNullOrEmpty || values[1].IsNullOrEmpty || values[2].IsNullOrEmpty || values[1] != values[2])
        {
            return null;
        }
        return System.Text.Json.JsonSerializer.Deserialize<CachedReply>(values[0].ToString(), System.Text.Json.JsonSerializerOptions.Web);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId}: the response cache could not be read; the turn goes to moderation")]
    private partial void LogLookupFailed(Exception ex, Guid replyId);
}
