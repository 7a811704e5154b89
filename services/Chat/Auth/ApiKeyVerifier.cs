using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Chat.Auth;

/// <summary>
/// Asks identity about a key once, then answers from memory for <see cref="ValidFor"/> (unknown keys for
/// <see cref="InvalidFor"/>). <c>ApiKeyRevoked</c>, fanned out to every replica over Redis pub/sub, evicts the key at once.
/// The cache is keyed by the key's SHA-256, never the key itself.
/// </summary>
public sealed class ApiKeyVerifier(IHttpClientFactory clients, TimeProvider time)
{
    public const string HttpClientName = "identity-api-keys";
    public static readonly TimeSpan ValidFor = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan InvalidFor = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _cache = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _revoked = new();

    private sealed record Entry(ApiKeyVerification? Value, DateTimeOffset ExpiresAt);

    public async Task<ApiKeyVerification?> VerifyAsync(string key, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Value is { } hit && _revoked.ContainsKey(hit.KeyId) ? null : cached.Value;
        }
        var value = await AskIdentityAsync(key, ct);
        if (value is not null && _revoked.ContainsKey(value.KeyId))
        {
            value = null;
        }
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }
        _cache[hash] = new Entry(value, now + (value is null ? InvalidFor : ValidFor));
        return value;
    }

    /// <summary>Forgets a revoked key on this replica.</summary>
    public void Evict(Guid keyId)
    {
        var now = time.GetUtcNow();
        _revoked[keyId] = now;
        foreach (var (hash, entry) in _cache)
        {
            if (entry.Value?.KeyId == keyId)
            {
                _cache.TryRemove(hash, out _);
            }
        }
        foreach (var (id, at) in _revoked)
        {
            if (at < now - TimeSpan.FromHours(1))
            {
                _revoked.TryRemove(id, out _);
            }
        }
    }

    private async Task<ApiKeyVerification?> AskIdentityAsync(string key, CancellationToken ct)
    {
        using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync("/internal/api-keys/verify", new { key }, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ApiKeyVerification>(ct);
    }
}
