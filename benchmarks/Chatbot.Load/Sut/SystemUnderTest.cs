using System.Runtime.InteropServices;
using Chatbot.Aspire.Testing;

namespace Chatbot.Load.Sut;

/// <summary>
/// The system the load goes to: an already-running one (<c>--target</c>), or one started here with the AppHost test
/// builder on free ports: <c>--shipped</c> (the shipped defaults, as <c>./scripts/run.sh</c>) or <c>--start</c> (test
/// settings, <see cref="Configure"/>). Every setting a start changes is printed.
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

    /// <summary>
    /// The local processes that carry a token from the model to the client: chat, the worker and (when started here) Redis,
    /// found by their listening ports; a process that is not on this machine is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> TokenPathProcessesAsync()
    {
        var ports = new Dictionary<string, int> { ["chat"] = Chat.Port, ["inference-worker"] = Simulator.Port };
        if (_app is not null && await _app.GetConnectionStringAsync("redis") is { } redis
            && int.TryParse(redis.Split(',')[0].Split(':').Last(), out var redisPort))
        {
            ports["redis"] = redisPort;
        }
        return ports.Select(p => (p.Key, Pid: ProcessMemory.FindListener(p.Value))).Where(p => p.Pid is not null)
            .ToDictionary(p => p.Key, p => p.Pid!.Value);
    }

    public string Description => Started ? $"started here ({Chat}); {string.Join("; ", Changes)}" : Chat.ToString();

    /// <summary>What a start here changed against <c>./scripts/run.sh</c> (one line each; printed, and in the JSON).</summary>
    public IReadOnlyList<string> Changes { get; private init; } = [];

    public static async Task<SystemUnderTest> CreateAsync(LoadOptions options, Uri? traceReceiver = null)
    {
        if (!options.Has("start") && !options.Has("shipped"))
        {
            var chat = new Uri(options.String("target") ?? "http://localhost:5080");
            var simulator = new Uri(options.String("simulator") ?? "http://localhost:5082");
            var management = new Uri(options.String("chat-management") ?? "http://localhost:9080");
            var stateFile = Path.Combine(RepositoryRoot(), ".state", "identity", "bootstrap-admin-password");
            return new SystemUnderTest(chat, management, simulator, options.Has("raise-limits") && File.Exists(stateFile) ? stateFile : null, null);
        }
        // --apphost "--nice off": the AppHost's own flags (printed as changes), e.g. to measure one lever at a time.
        var appHostArguments = AppHostArguments(options);
        var builder = new RecordingBuilder(await DistributedApplicationTestingBuilder.CreateAsync(appHostArguments), appHostArguments);
        Configure(builder, options, traceReceiver);
        var changes = builder.Describe(AllServices).ToList();
        changes.ForEach(Console.WriteLine);
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
        var operatorSetup = options.Has("full") || options.Has("shipped");
        return new SystemUnderTest(app.GetEndpoint("chat"), app.GetManagementEndpoint("chat"), app.GetEndpoint("inference-worker"),
            operatorSetup && File.Exists(passwordFile) ? passwordFile : null, app, stopOnTermination) { Changes = changes };
    }

    /// <summary>The five services, as <c>./scripts/run.sh</c> starts them.</summary>
    public static readonly string[] AllServices = ["identity", "chat", "inference-worker", "moderation", "billing"];

    /// <summary>
    /// <c>--shipped</c>: the system exactly as <c>./scripts/run.sh</c> configures it (all five services, durable
    /// infrastructure, no environment of its own); only <c>--trace</c> and <c>--env</c> add settings, each printed.
    /// <c>--start</c> (the CI smoke and the earlier load runs): identity, chat and the worker (<c>--full</c>: all five) with
    /// the test settings below, each printed too.
    /// </summary>
    internal static void Configure(IDistributedApplicationTestingBuilder builder, LoadOptions options, Uri? traceReceiver)
    {
        if (options.Has("shipped"))
        {
            builder.WithServices(AllServices).WithDurableInfrastructure();
        }
        else
        {
            var full = options.Has("full");
            builder.WithServices(full ? AllServices : ["identity", "chat", "inference-worker"])
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
        }
        if (traceReceiver is not null)
        {
            // --trace: chat and the worker export their spans to the load tool's receiver (Tracing/).
            foreach (var service in new[] { "chat", "inference-worker" })
            {
                builder.WithEnvironment(service, "OTEL_EXPORTER_OTLP_ENDPOINT", traceReceiver.ToString())
                    .WithEnvironment(service, "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                    .WithEnvironment(service, "OTEL_BSP_SCHEDULE_DELAY", "500");
            }
        }
        foreach (var (resource, name, value) in EnvironmentOption(options))
        {
            builder.WithEnvironment(resource, name, value);
        }
    }

    internal static string[] AppHostArguments(LoadOptions options) =>
        (options.String("apphost") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>--env "chat:Outbox__FastPath=false;inference-worker:Inference__FlushIntervalMilliseconds=10"</c>: experiments.</summary>
    internal static IEnumerable<(string Resource, string Name, string Value)> EnvironmentOption(LoadOptions options) =>
        (options.String("env") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(setting =>
        {
            var (resource, pair) = (setting.Split(':', 2), setting.Split(':', 2).ElementAtOrDefault(1)?.Split('=', 2));
            return pair is { Length: 2 } ? (resource[0], pair[0], pair[1]) : throw new ArgumentException($"--env expects resource:NAME=value, not '{setting}'.");
        });

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
