using System.Runtime.InteropServices;
using Chatbot.Aspire.Testing;

namespace Chatbot.Load.Sut;

/// <summary>
/// The system the load goes to: an already-running one (<c>--target</c>), or one started here with the AppHost test
/// builder (<c>--start</c>: identity, chat and inference-worker on free ports; <c>--full</c> adds moderation and
/// billing), with the simulator settings as environment and quota limits raised so the load is not refused.
/// </summary>
public sealed class SystemUnderTest : IAsyncDisposable
{
    private readonly DistributedApplication? _app;
    // Ctrl+C cancels the run gracefully (Program.cs), which ends here too; kill or a closed terminal stops it all at once.
    private readonly IDisposable? _stopOnTermination;

    private SystemUnderTest(Uri chat, Uri chatManagement, Uri simulator, string? adminPasswordFile, DistributedApplication? app,
        IDisposable? stopOnTermination = null)
    {
        (Chat, ChatManagement, Simulator, AdminPasswordFile, _app, _stopOnTermination) = (chat, chatManagement, simulator, adminPasswordFile, app, stopOnTermination);
    }

    /// <summary>Chat's public origin (every journey goes through it).</summary>
    public Uri Chat { get; }

    /// <summary>Chat's management port (<c>/metrics</c>, <c>/health</c>): never the public origin.</summary>
    public Uri ChatManagement { get; }

    /// <summary>The inference worker, whose standalone simulator answers <c>POST /v1/chat/completions</c>.</summary>
    public Uri Simulator { get; }

    /// <summary>The bootstrap admin's password file, when known (used to lift billing's plan limits).</summary>
    public string? AdminPasswordFile { get; }

    public bool Started => _app is not null;

    public string Description => Started ? $"started here ({Chat})" : Chat.ToString();

    public static async Task<SystemUnderTest> CreateAsync(LoadOptions options)
    {
        if (!options.Has("start"))
        {
            var chat = new Uri(options.String("target") ?? "http://localhost:5080");
            var simulator = new Uri(options.String("simulator") ?? "http://localhost:5082");
            var management = new Uri(options.String("chat-management") ?? "http://localhost:9080");
            var stateFile = Path.Combine(RepositoryRoot(), ".state", "identity", "bootstrap-admin-password");
            return new SystemUnderTest(chat, management, simulator, options.Has("raise-limits") && File.Exists(stateFile) ? stateFile : null, null);
        }
        var full = options.Has("full");
        var builder = (await DistributedApplicationTestingBuilder.CreateAsync())
            .WithServices(full ? ["identity", "chat", "inference-worker", "moderation", "billing"] : ["identity", "chat", "inference-worker"])
            .WithLoopbackClients("Free", "Pro", "Enterprise")
            // Every account of a run signs up and logs in from this one address: identity's per-IP limits would refuse it.
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", "100000")
            .WithEnvironment("identity", "Identity__RateLimits__Login__PermitLimit", "100000")
            .WithEnvironment("inference-worker", "Inference__Providers__0__MaxConcurrentRequests", "5000")
            .WithEnvironment("inference-worker", "Inference__Queue__Capacity", "15000")
            .WithSimulatorPace(options.Double("sim-latency", 200), options.Double("sim-tps", 50), options.Double("sim-tokens", 60))
            .WithoutQuotas();
        if (!full)
        {
            builder.WithEnvironment("chat", "Moderation__Enabled", "false");
        }
        var app = await builder.BuildAsync();
        var stopOnTermination = app.StopOnTermination(PosixSignal.SIGTERM, PosixSignal.SIGHUP);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            stopOnTermination.Dispose();
            await app.DisposeAsync();
            throw;
        }
        var passwordFile = Path.Combine(app.StateDirectory, "identity", "bootstrap-admin-password");
        return new SystemUnderTest(app.GetEndpoint("chat"), app.GetManagementEndpoint("chat"), app.GetEndpoint("inference-worker"),
            full && File.Exists(passwordFile) ? passwordFile : null, app, stopOnTermination);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            _stopOnTermination?.Dispose();
            await _app.DisposeAsync();
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chatbot.Aspire.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
