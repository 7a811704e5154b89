using Chatbot.Aspire.Testing;

namespace Chatbot.Doctor.Tests;

/// <summary>
/// The whole system (identity, chat, moderation, inference-worker, billing on real PostgreSQL, Redis and RabbitMQ) as
/// <c>./scripts/run.sh</c> starts it, with two changes: chat's per-IP window is 150 a minute (the doctor's chat
/// rate-limit row reaches it within its bounded burst) and the backends export their route tables (the test that holds
/// the doctor's forwarded-route list complete reads them; chat does not export its own, which the doctor probes).
/// </summary>
public sealed class LocalSystemFixture : IAsyncLifetime
{
    public const int ChatPerIpLimit = 150;
    public const string AdminEmail = "admin@chatbot.local";
    public static readonly string[] Backends = ["identity", "moderation", "billing"];

    public static readonly string AdminPassword = $"Doc-{Guid.NewGuid():N}-7!";

    public DistributedApplication App { get; private set; } = null!;

    public Uri Origin => App.GetEndpoint("chat");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token);
        foreach (var backend in Backends)
        {
            builder.WithEnvironment(backend, "Diagnostics__ExposeRouteTable", "true");
        }
        App = await builder
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", AdminPassword)
            .WithEnvironment("chat", "RequestLimits__PerIp__PermitLimit", ChatPerIpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("moderation", "Moderation__Default__StageTimeout", "00:00:10")
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
