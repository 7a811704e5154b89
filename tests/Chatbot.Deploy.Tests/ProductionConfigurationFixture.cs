using Chatbot.Aspire.Testing;

namespace Chatbot.Deploy.Tests;

/// <summary>PostgreSQL (four databases), Redis and RabbitMQ for the class, plus an SMTP sink.</summary>
public sealed class ProductionConfigurationFixture : IAsyncLifetime
{
    internal DistributedApplication Infrastructure { get; private set; } = null!;

    internal SmtpSink Smtp { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync();
        Infrastructure = await builder.WithServices().BuildAsync();
        await Infrastructure.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Infrastructure.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
