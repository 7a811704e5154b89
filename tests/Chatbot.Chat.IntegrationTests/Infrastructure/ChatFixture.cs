using Chatbot.Chat.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>Infrastructure, migrated chatdb, the fake worker and one chat instance, shared by the whole test run.</summary>
public sealed class ChatFixture : IAsyncLifetime
{
    public LocalInfrastructure Infra { get; } = new();
    public FakeWorker Worker { get; private set; } = null!;
    public ChatApiFactory Chat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infra.InitializeAsync();
        await using (var db = new ChatDbContext(new DbContextOptionsBuilder<ChatDbContext>()
            .UseNpgsql(Infra.PostgresConnectionString("chatdb")).Options))
        {
            await db.Database.MigrateAsync();
        }
        Worker = await FakeWorker.StartAsync(Infra);
        Chat = new ChatApiFactory(Infra);
        _ = Chat.Server;
    }

    public async Task DisposeAsync()
    {
        await Chat.DisposeAsync();
        await Worker.DisposeAsync();
        await Infra.DisposeAsync();
    }
}
