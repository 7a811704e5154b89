using Chatbot.Aspire.Testing;
using Chatbot.Billing.Data;
using Chatbot.Chat.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>Real PostgreSQL, Redis and RabbitMQ from the test builder (infrastructure only), billingdb migrated; shared by the run.</summary>
public sealed class BillingFixture : IAsyncLifetime
{
    private DistributedApplication? app;
    public BillingInfrastructure Infra { get; private set; } = null!;
    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        app = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices().BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        Infra = await BillingInfrastructure.FromAsync(app);
        await using (var db = NewDb())
        {
            await db.Database.MigrateAsync(timeout.Token);
        }
        await using (var chatDb = new ChatDbContext(new DbContextOptionsBuilder<ChatDbContext>().UseNpgsql(Infra.Database("chatdb")).Options))
        {
            await chatDb.Database.MigrateAsync(timeout.Token); // chat instances of the quota and proxy tests
        }
        Redis = await ConnectionMultiplexer.ConnectAsync(Infra.Redis);
    }

    public BillingDbContext NewDb() => new(new DbContextOptionsBuilder<BillingDbContext>().UseNpgsql(Infra.BillingDb).Options);

    public async Task DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
