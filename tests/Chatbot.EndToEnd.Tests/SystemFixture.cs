using Chatbot.Aspire.Testing;

namespace Chatbot.EndToEnd.Tests;

/// <summary>The whole topology (five services, real PostgreSQL, Redis and RabbitMQ), started once for the "system" collection.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
