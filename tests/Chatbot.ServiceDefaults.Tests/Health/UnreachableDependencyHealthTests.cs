using System.Net;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Health;

public sealed class UnreachableDependencyHealthTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        var closed = FreePort.Next();
        _app = await TestApp.StartAsync(
            configure: builder =>
            {
                builder.AddNpgsqlDbContext<ProbeDbContext>("probedb");
                builder.AddRedisClient("redis");
                builder.AddRabbitMqMessaging("rabbitmq");
            },
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:probedb"] = $"Host=127.0.0.1;Port={closed};Database=probedb;Username=u;Password=p;Timeout=2",
                ["ConnectionStrings:redis"] = $"127.0.0.1:{closed},connectTimeout=1000",
                ["ConnectionStrings:rabbitmq"] = $"amqp://guest:guest@127.0.0.1:{closed}",
            });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Alive_answers_200_without_any_dependency()
    {
        using var response = await _app.Client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (status, checks) = await HealthReportBody.ReadAsync(response);
        Assert.Equal("Healthy", status);
        Assert.Equal(["self"], checks.Keys);
    }

    [Fact]
    public async Task Health_is_503_and_names_every_unreachable_dependency()
    {
        using var response = await _app.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var (status, checks) = await HealthReportBody.ReadAsync(response);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Healthy", checks["self"]);
        Assert.Equal("Unhealthy", checks["probedb"]);
        Assert.Equal("Unhealthy", checks["redis"]);
        Assert.Equal("Unhealthy", checks["rabbitmq"]);
    }

    public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options);
}
