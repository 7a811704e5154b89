using System.Net;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Health;

/// <summary>/health against real PostgreSQL, Redis and RabbitMQ started for this class.</summary>
public sealed class RealDependencyHealthTests(PostgresServer postgres, RedisServer redis, RabbitMqServer rabbit)
    : IClassFixture<PostgresServer>, IClassFixture<RedisServer>, IClassFixture<RabbitMqServer>
{
    [Fact]
    public async Task Health_is_200_when_postgres_redis_and_the_bus_are_all_reachable()
    {
        await using var app = await TestApp.StartAsync(
            configure: builder =>
            {
                builder.AddNpgsqlDbContext<ProbeDbContext>("probedb");
                builder.AddRedisClient("redis");
                builder.AddRabbitMqMessaging("rabbitmq");
            },
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:probedb"] = postgres.ConnectionString("probedb"),
                ["ConnectionStrings:redis"] = redis.ConnectionString,
                ["ConnectionStrings:rabbitmq"] = rabbit.ConnectionString,
            });

        var (code, status, checks) = await PollHealthAsync(app.Client, TimeSpan.FromSeconds(30));

        Assert.True(code == HttpStatusCode.OK, $"/health stayed {code}: {string.Join(", ", checks.Select(c => $"{c.Key}={c.Value}"))}");
        Assert.Equal("Healthy", status);
        Assert.Equal("Healthy", checks["probedb"]);
        Assert.Equal("Healthy", checks["redis"]);
        Assert.Equal("Healthy", checks["rabbitmq"]);
    }

    private static async Task<(HttpStatusCode, string, Dictionary<string, string>)> PollHealthAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync("/health");
            var (status, checks) = await HealthReportBody.ReadAsync(response);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, status, checks);
            }
            await Task.Delay(250);
        }
    }

    public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options);
}
