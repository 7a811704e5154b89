using System.Security.Cryptography;
using System.Text.Json;

namespace Chatbot.Contracts.Inference;

/// <summary>
/// The response cache key of a turn: SHA-256 (hex) over the tenant, the prompt, the model (the alias's provider), the
/// normalised messages (role and text: line endings as LF, outer white space trimmed) and the generation
/// parameters (output limit, temperature, top_p, stop). Any difference gives another key: an exact-match cache. The
/// worker puts the tenant in the Redis key as well, so two tenants never share an entry even with equal hashes.
/// Computed from the turn as chat sent it, before the canary (new for every turn) is embedded: moderation computes it for a
/// turn it allowed, and chat computes the same key for a new turn to look for a hit before it publishes (docs/experiments.md,
/// "Response cache"). The Redis keys: <see cref="EntryKey"/> the cached reply (a JSON <see cref="CachedReply"/>, written by
/// the worker), <see cref="AllowedKey"/> the fingerprint of the moderation policy that allowed the input (written by
/// moderation), <see cref="PolicyKey"/> the fingerprint of the tenant's current policy (written by moderation, deleted
/// when the policy changes). Chat answers a hit itself only when all three exist and the two fingerprints are equal.
/// </summary>
public static class ResponseCacheKey
{
    public static string For(GenerateReply request)
    {
        var parts = new List<string?>
        {
            "v1", request.TenantId.ToString("N"), request.PromptRef ?? request.PromptVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Provider ?? "", request.MaxOutputTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Sampling?.Temperature?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            request.Sampling?.TopP?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            request.Sampling?.Stop is { } stop ? string.Join('\u001f', stop) : null,
        };
        foreach (var turn in request.Messages)
        {
            parts.Add(turn.Role);
            parts.Add(Normalize(turn.Content));
        }
        // JSON of the list: every part is delimited and escaped, so no two different turns serialise alike.
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(parts)));
    }

    public static string EntryKey(Guid tenantId, string cacheKey) => $"chatbot:response-cache:{tenantId:N}:{cacheKey}";

    public static string AllowedKey(Guid tenantId, string cacheKey) => $"chatbot:response-cache:{tenantId:N}:{cacheKey}:allowed";

    public static string PolicyKey(Guid tenantId) => $"chatbot:response-cache:{tenantId:N}:policy";

    // No Unicode normalisation: the services run with invariant globalization, where string.Normalize does not compose.
    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();
}
