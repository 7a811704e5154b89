using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Contracts.Inference;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>Moderation decides whether a turn may use the response cache: the tenant opted in and nothing personal was found.</summary>
[Collection(ModerationCollection.Name)]
public sealed class ResponseCacheKeyTests(ModerationFixture fixture)
{
    /// <summary>A word of letters only: a hex id's digit runs can read as a phone number, which would make the turn personal.</summary>
    private static string Letters() => string.Concat(Guid.NewGuid().ToString("N").Select(c => char.IsDigit(c) ? (char)('g' + c - '0') : c));

    private Task<Guid> OptedInTenantAsync(int seconds = 300) => OptedInTenantAsync(Guid.NewGuid(), seconds);

    private async Task<Guid> OptedInTenantAsync(Guid tenant, int seconds)
    {
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), tenant, "tenant-admin");
        using var response = await admin.PutAsJsonAsync("/api/moderation/policy", new { responseCacheSeconds = seconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(seconds, view.RootElement.GetProperty("policy").GetProperty("responseCacheSeconds").GetInt32());
        return tenant;
    }

    private async Task<GenerateReply> PassAsync(string message, Guid tenant)
    {
        var turn = Turns.For(message, tenant);
        await fixture.Bus.Publish(turn);
        return await fixture.WaitForAsync<GenerateReply>(g => g.ReplyId == turn.Request.ReplyId);
    }

    [Fact]
    public async Task An_opted_in_tenant_s_identical_turns_share_a_key_and_its_lifetime_goes_with_them()
    {
        var tenant = await OptedInTenantAsync(300);

        var first = await PassAsync("What is a message queue?", tenant);
        var second = await PassAsync("What is a message queue?", tenant);

        Assert.NotNull(first.CacheKey);
        Assert.Matches("^[0-9a-f]{64}$", first.CacheKey);
        Assert.Equal(first.CacheKey, second.CacheKey);
        Assert.Equal(300, first.CacheTtlSeconds);
    }

    [Fact]
    public async Task A_turn_with_personal_data_gets_no_key_even_when_the_tenant_opted_in()
    {
        var tenant = await OptedInTenantAsync();

        var withEmail = await PassAsync("Write to grace.hopper@example.com about the queue.", tenant);
        var plain = await PassAsync("Write to the team about the queue.", tenant);

        Assert.Null(withEmail.CacheKey);
        Assert.Equal(0, withEmail.CacheTtlSeconds);
        Assert.NotNull(plain.CacheKey);
    }

    [Fact]
    public async Task A_tenant_that_did_not_opt_in_gets_no_key_and_a_bad_lifetime_is_a_problem()
    {
        var passed = await PassAsync("What is a message queue?", Guid.NewGuid());
        Assert.Null(passed.CacheKey);

        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), Guid.NewGuid(), "tenant-admin");
        using var response = await admin.PutAsJsonAsync("/api/moderation/policy", new { responseCacheSeconds = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("responseCacheSeconds", out _));
    }

    [Fact]
    public async Task A_cacheable_turn_marks_its_key_allowed_under_the_current_policy_and_a_policy_write_forgets_the_current_one()
    {
        var tenant = await OptedInTenantAsync(300);
        var passed = await PassAsync($"What is a topic exchange? Topic {Letters()}.", tenant);
        var redis = fixture.Redis.GetDatabase();
        var allowed = await redis.StringGetAsync(ResponseCacheKey.AllowedKey(tenant, passed.CacheKey!));
        var current = await redis.StringGetAsync(ResponseCacheKey.PolicyKey(tenant));
        Assert.False(allowed.IsNullOrEmpty);
        Assert.Equal(allowed, current); // chat may answer a repeat of this exact turn itself
        var ttl = await redis.KeyTimeToLiveAsync(ResponseCacheKey.AllowedKey(tenant, passed.CacheKey!));
        Assert.InRange(ttl!.Value.TotalSeconds, 1, 300);

        await OptedInTenantAsync(tenant, 120); // the policy changes
        Assert.True((await redis.StringGetAsync(ResponseCacheKey.PolicyKey(tenant))).IsNullOrEmpty);
        var again = await PassAsync($"What is a fanout exchange? Topic {Letters()}.", tenant);
        Assert.NotEqual(allowed, await redis.StringGetAsync(ResponseCacheKey.PolicyKey(tenant))); // the new policy's fingerprint
        Assert.NotNull(again.CacheKey);
    }
}
