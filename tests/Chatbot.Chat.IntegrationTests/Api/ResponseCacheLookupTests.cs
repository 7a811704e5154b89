using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Turns.Caching;
using Chatbot.Contracts.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// A tenant with no current cache fingerprint (not opted in) costs chat one Redis read per
/// <see cref="ResponseCacheLookup.AbsenceMemory"/>, not one per turn: within it a turn is a miss without reading, even
/// once a hit is there; after it the hit is found.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class ResponseCacheLookupTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_tenant_without_a_fingerprint_is_not_read_again_until_the_absence_is_forgotten()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Infra.RedisConnectionString);
        var clock = new FakeTimeProvider();
        var lookup = new ResponseCacheLookup(redis, clock, NullLogger<ResponseCacheLookup>.Instance);
        var command = Command(Guid.NewGuid());
        Assert.Null(await lookup.FindAsync(command)); // no fingerprint: remembered

        var key = ResponseCacheKey.For(command);
        var db = redis.GetDatabase();
        await db.StringSetAsync(ResponseCacheKey.EntryKey(command.TenantId, key),
            JsonSerializer.Serialize(new CachedReply("Cached.", 3, 1, 0m, "sim-model", "simulator"), JsonSerializerOptions.Web));
        await db.StringSetAsync(ResponseCacheKey.AllowedKey(command.TenantId, key), "policy-1");
        await db.StringSetAsync(ResponseCacheKey.PolicyKey(command.TenantId), "policy-1");
        Assert.Null(await lookup.FindAsync(command)); // still within the memory: not read
        Assert.Equal("Cached.", (await new ResponseCacheLookup(redis, clock, NullLogger<ResponseCacheLookup>.Instance).FindAsync(command))?.Content);

        clock.Advance(ResponseCacheLookup.AbsenceMemory + TimeSpan.FromMilliseconds(1));
        Assert.Equal("Cached.", (await lookup.FindAsync(command))?.Content);
    }

    private static GenerateReply Command(Guid tenantId)
    {
        var replyId = Guid.NewGuid();
        return new GenerateReply(replyId, DateTimeOffset.UtcNow, replyId, tenantId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "free", 1,
            [new ChatTurn("user", $"What is a queue? {Guid.NewGuid():N}")], 64);
    }
}
