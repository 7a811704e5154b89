using System.Net;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Health;

public sealed class RedisHealthTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Health_is_200_when_real_redis_answers()
    {
        await using var app = await TestApp.StartAsync(
            configure: builder => builder.AddRedisClient("redis"),
            settings: new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });

        using var response = await app.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (status, checks) = await HealthReportBody.ReadAsync(response);
        Assert.Equal("Healthy", status);
        Assert.Equal("Healthy", checks["redis"]);
    }
}
