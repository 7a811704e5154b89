using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.Moderation.Detectors.Policy;
using StackExchange.Redis;

namespace Chatbot.Moderation.Flow;

/// <summary>
/// What lets chat answer a response cache hit before it publishes (<see cref="ResponseCacheKey"/>): for a turn moderation
/// allowed as cacheable, the fingerprint of the policy that allowed it (<see cref="ResponseCacheKey.AllowedKey"/>) and the
/// tenant's current fingerprint (<see cref="ResponseCacheKey.PolicyKey"/>), both for the tenant's cache lifetime. The
/// fingerprint is SHA-256 over the effective policy (JSON) and this build's version (detectors and classifier), so an
/// identical input under an identical policy and build gets the same decision. A policy write deletes the current
/// fingerprint (<see cref="ForgetPolicyAsync"/>): no earlier decision matches until moderation has decided under the new one.
/// </summary>
public sealed class ResponseCacheMarks(IConnectionMultiplexer redis)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Build =
        typeof(ResponseCacheMarks).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    public static string Fingerprint(ModerationPolicy policy) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { build = Build, policy }, Json)));

    public Task MarkAllowedAsync(Guid tenantId, string cacheKey, ModerationPolicy policy)
    {
        var fingerprint = Fingerprint(policy);
        var lifetime = TimeSpan.FromSeconds(policy.ResponseCacheSeconds);
        var db = redis.GetDatabase();
        return Task.WhenAll(
            db.StringSetAsync(ResponseCacheKey.AllowedKey(tenantId, cacheKey), fingerprint, lifetime),
            db.StringSetAsync(ResponseCacheKey.PolicyKey(tenantId), fingerprint, lifetime));
    }

    public Task ForgetPolicyAsync(Guid tenantId) => redis.GetDatabase().KeyDeleteAsync(ResponseCacheKey.PolicyKey(tenantId));
}
