using Chatbot.Aspire.Testing;
using Chatbot.Chat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>
/// Handler-level fixture: real infrastructure from the test builder (<c>WithServices()</c> = infrastructure only),
/// migrated chatdb, a <see cref="FakeWorker"/> on the wire and one in-process chat instance, shared by the test run.
/// </summary>
public sealed class ChatFixture : IAsyncLifetime
{
    private DistributedApplication? app;
    public ChatInfrastructure Infra { get; private set; } = null!;
    public FakeWorker Worker { get; private set; } = null!;
    public ChatApiFactory Chat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        app = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices().BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        Infra = await ChatInfrastructure.FromAsync(app);
        await using (var db = NewDbContext())
        {
            await db.Database.MigrateAsync(timeout.Token);
        }
        Worker = await FakeWorker.StartAsync(Infra);
        Chat = new ChatApiFactory(Infra);
        _ = Chat.Server;
    }

    /// <summary>A context on chatdb without the service's tenant interceptor: sees and writes every tenant's rows.</summary>
    public ChatDbContext NewDbContext() => new(new DbContextOptionsBuilder<ChatDbContext>().UseNpgsql(Infra.ChatDb).Options);

    /// <summary>
    /// Records a tenant's prompt version as filling the whole context budget (only the stored count, not the text, says
    /// so) and returns the budget.
    /// </summary>
    public async Task<int> RecordPromptAsFillingTheBudgetAsync(Guid tenantId, int version)
    {
        var budget = Chat.Services.GetRequiredService<IOptions<ChatOptions>>().Value.ContextTokenBudget;
        await using var db = NewDbContext();
        await db.PromptVersions.Where(p => p.TenantId == tenantId && p.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ContentTokens, budget));
        return budget;
    }

    public async Task DisposeAsync()
    {
        if (Chat is not null)
        {
            await Chat.DisposeAsync();
        }
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
