using System.Net;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.RateLimiting;

/// <summary>The origin's request windows on a real Kestrel host against a real redis-server (one per test: the client IP is always 127.0.0.1).</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task A_tenant_over_its_per_minute_rate_gets_429_with_Retry_After_while_another_tenant_is_unaffected()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var app = await StartAsync(redis, new() { ["RequestLimits:PerTenant:Free:PermitLimit"] = "3" });
        var flooding = Guid.NewGuid().ToString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await app.Client.SendAsync(Get("/api/things").As(flooding));
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
                Assert.Contains("tenant limit", await response.Content.ReadAsStringAsync());
            }
        }
        using var other = await app.Client.SendAsync(Get("/api/things").As(Guid.NewGuid().ToString()));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Each_tier_has_its_own_configured_window()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var app = await StartAsync(redis, new()
        {
            ["RequestLimits:PerTenant:Free:PermitLimit"] = "2",
            ["RequestLimits:PerTenant:Pro:PermitLimit"] = "4",
            ["RequestLimits:PerTenant:Enterprise:PermitLimit"] = "6",
        });

        Assert.Equal(2, await AllowedOf(app, "free", 8));
        Assert.Equal(4, await AllowedOf(app, "pro", 8));
        Assert.Equal(6, await AllowedOf(app, "enterprise", 8));
    }

    [Fact]
    public async Task Listing_routes_have_a_stricter_per_IP_window_than_other_routes()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var app = await StartAsync(redis, new()
        {
            ["RequestLimits:Listing:PermitLimit"] = "2",
            ["RequestLimits:ListingRoutes"] = "GET /api/conversations",
        });

        var listing = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // A different tenant each time: only the client's address ties these requests together.
            using var response = await app.Client.SendAsync(Get("/api/conversations").As(Guid.NewGuid().ToString()));
            listing.Add(response.StatusCode);
        }
        using var anonymous = await app.Client.GetAsync("/api/conversations/extra");
        using var other = await app.Client.GetAsync("/api/things");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], listing);
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Every_request_counts_against_the_per_IP_window_signed_in_or_not()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var app = await StartAsync(redis, new() { ["RequestLimits:PerIp:PermitLimit"] = "3" });

        using var first = await app.Client.GetAsync("/api/things");
        using var second = await app.Client.SendAsync(Get("/api/things").As(Guid.NewGuid().ToString()));
        using var third = await app.Client.GetAsync("/api/things");
        using var fourth = await app.Client.SendAsync(Get("/api/things").As(Guid.NewGuid().ToString()));
        using var health = await app.Client.GetAsync("/alive");

        Assert.All([first, second, third], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("ip limit", await fourth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // probes are never limited
    }

    [Fact]
    public async Task Two_instances_sharing_one_redis_share_the_count()
    {
        await using var redis = await OwnRedis.StartAsync();
        var settings = new Dictionary<string, string?> { ["RequestLimits:PerTenant:Free:PermitLimit"] = "4" };
        await using var first = await StartAsync(redis, settings);
        await using var second = await StartAsync(redis, settings);
        var tenant = Guid.NewGuid().ToString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await (i % 2 == 0 ? first : second).Client.SendAsync(Get("/api/things").As(tenant));
            statuses.Add(response.StatusCode);
        }

        // Each alone would have allowed its own three requests; together only four of the six pass.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[^2..]);
    }

    [Fact]
    public async Task Requests_pass_when_redis_cannot_be_reached()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = $"127.0.0.1:{FreePort.Next()},connectTimeout=500",
            ["RequestLimits:PerIp:PermitLimit"] = "1",
        };
        await using var app = await TestApp.StartAsync(configure: b => b.AddRedisClient("redis").AddRequestLimits(), map: Map, settings: settings);

        using var first = await app.Client.GetAsync("/api/things");
        using var second = await app.Client.GetAsync("/api/things");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_limit_of_zero_stops_start_up_naming_the_key()
    {
        await using var redis = await OwnRedis.StartAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(redis, new() { ["RequestLimits:PerTenant:Pro:PermitLimit"] = "0" }));
        Assert.Contains("RequestLimits:PerTenant:Pro:PermitLimit", error.Message);
    }

    private static async Task<int> AllowedOf(TestApp app, string tier, int attempts)
    {
        var tenant = Guid.NewGuid().ToString();
        var allowed = 0;
        for (var i = 0; i < attempts; i++)
        {
            using var response = await app.Client.SendAsync(Get("/api/things").As(tenant, tier));
            allowed += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }
        return allowed;
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static Task<TestApp> StartAsync(OwnRedis redis, Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:redis"] = redis.ConnectionString;
        return TestApp.StartAsync(configure: b => b.AddRedisClient("redis").AddRequestLimits(), map: Map, settings: settings);
    }

    private static void Map(WebApplication app)
    {
        app.UseHeaderIdentity();
        app.UseRequestLimits();
        app.MapGet("/api/things", () => TypedResults.Ok("things"));
        app.MapGet("/api/conversations", () => TypedResults.Ok("list"));
        app.MapGet("/api/conversations/extra", () => TypedResults.Ok("more"));
    }
}
