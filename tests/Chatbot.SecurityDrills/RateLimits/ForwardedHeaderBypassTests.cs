using System.Net.Http.Json;
using Chatbot.SecurityDrills.Harness;
using StackExchange.Redis;

namespace Chatbot.SecurityDrills.RateLimits;

/// <summary>
/// Spoofed client-address headers from an untrusted peer (the test client: chat trusts only <c>192.0.2.1</c> here)
/// neither reset nor split per-IP limits: identity's login limit (through chat's proxy and chat's web log-in) keeps one
/// counter for the real peer, and chat's per-user request limit ignores them altogether.
/// </summary>
[Collection(SecuritySystemCollection.Name)]
public sealed class ForwardedHeaderBypassTests(SecuritySystemFixture system)
{
    private const int LoginLimit = 30; // Identity:RateLimits:Login default, per minute
    private static readonly string Nobody = $"nobody-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task Spoofed_forwarding_headers_do_not_split_or_reset_the_login_limit()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await system.App.GetConnectionStringAsync("redis"))!);
        await system.ResetLoginLimitsAsync();
        try
        {
            using var client = system.Anonymous();
            for (var i = 1; i <= LoginLimit; i++)
            {
                using var wrong = await client.SendAsync(Spoofed(TokenRequest("wrong-password"), i));
                Assert.Equal(400, (int)wrong.StatusCode); // invalid_grant, counted
            }

            using var viaProxy = await client.SendAsync(Spoofed(TokenRequest(Accounts.Password), 250));
            using var viaWebPage = await client.SendAsync(Spoofed(new HttpRequestMessage(HttpMethod.Post, "/web/session")
            {
                Content = JsonContent.Create(new { email = Nobody, password = Accounts.Password }),
            }, 251));

            Assert.Equal(429, (int)viaProxy.StatusCode);
            Assert.Equal(429, (int)viaWebPage.StatusCode);
            var counters = redis.GetServers()[0].Keys(pattern: SecuritySystemFixture.LoginCounters).ToList();
            Assert.True(counters.Count == 1, "one counter (the real peer) expected: " + string.Join(", ", counters));
        }
        finally
        {
            await system.ResetLoginLimitsAsync(); // the other drills log in too
        }
    }

    [Fact]
    public async Task Spoofed_forwarding_headers_do_not_reset_the_per_user_request_limit_of_chat()
    {
        const int perMinute = 3;
        var user = await system.Accounts().SignUpAsync("rate-limit-drill");
        using (var admin = system.PlatformAdmin.Client(system.Origin))
        {
            var limit = await Answer.SendAsync(admin, "PUT", $"/api/billing/tenants/{user.TenantId}/users/{user.UserId}",
                $$"""{"requestsPerMinute":{{perMinute}}}""");
            Assert.True(limit.Status == 200, limit.ToString());
        }
        using var client = user.Client(system.Origin);
        var conversation = await TenantAWorldBuilder.PostAsync(client, "/api/conversations", new { title = "limits" });
        var path = $"/api/conversations/{conversation.GetProperty("id").GetGuid()}/messages";

        var statuses = new List<int>();
        for (var i = 1; i <= perMinute + 3; i++)
        {
            using var sent = await client.SendAsync(Spoofed(new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = JsonContent.Create(new { content = $"message {i}" }),
            }, i));
            statuses.Add((int)sent.StatusCode);
        }

        Assert.Contains(429, statuses);
        Assert.True(statuses.Count(s => s == 202) <= perMinute, string.Join(", ", statuses));
    }

    /// <summary>Every header a proxy-aware server might read the client address from, different on each request.</summary>
    private static HttpRequestMessage Spoofed(HttpRequestMessage request, int i)
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"203.0.113.{i % 250 + 1}, 198.51.100.{i % 250 + 1}");
        request.Headers.TryAddWithoutValidation("Forwarded", $"for=198.51.100.{i % 250 + 1};proto=https");
        request.Headers.TryAddWithoutValidation("X-Real-IP", $"192.0.2.{i % 250 + 1}");
        request.Headers.TryAddWithoutValidation("X-Client-IP", $"192.0.2.{i % 250 + 1}");
        return request;
    }

    /// <summary>An unknown account: failed attempts must not lock out a user other drills need.</summary>
    private static HttpRequestMessage TokenRequest(string password) =>
        new(HttpMethod.Post, "/connect/token") { Content = Accounts.TokenForm(Nobody, password) };
}
