using System.Runtime.InteropServices;
using Chatbot.AppHost;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.Aspire.Testing;

/// <summary>A running (or startable) copy of the system for one test class; dispose stops every process and deletes its state.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly AppHostOrchestrator _orchestrator;
    private readonly Dictionary<string, Uri> _replicas = [];
    private readonly Lock _disposing = new();
    private Task? _disposal;
    private Task? _signalStop; // completes once the handler's exit returned: never, outside tests

    internal DistributedApplication(AppHostOptions options)
    {
        _orchestrator = new AppHostOrchestrator(ChatbotTopology.Create(), options);
    }

    /// <summary>Infrastructure → migrations → services, each health-gated. Throws (with the resource's last log lines) if one fails.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _orchestrator.StartAsync(cancellationToken);

    public ResourceNotificationService ResourceNotifications => _orchestrator.Notifications;

    /// <summary>The folder with this run's data and passwords (deleted on dispose).</summary>
    public string StateDirectory => _orchestrator.StateDirectory;

    /// <summary>An HttpClient whose BaseAddress is the service's http endpoint.</summary>
    public HttpClient CreateHttpClient(string resourceName) => new() { BaseAddress = GetEndpoint(resourceName) };

    /// <summary>
    /// An HttpClient for the service's (or replica's) management port: <c>/health</c>, <c>/alive</c> and <c>/metrics</c> are
    /// served there only, as in Kubernetes; the service's own endpoint answers 404 to them.
    /// </summary>
    public HttpClient CreateManagementHttpClient(string resourceName) => new() { BaseAddress = GetManagementEndpoint(resourceName) };

    public Uri GetManagementEndpoint(string resourceName) => _orchestrator.GetManagementEndpoint(resourceName);

    /// <summary>The management port of the replica <see cref="StartReplicaAsync"/> returned <paramref name="replicaEndpoint"/> for.</summary>
    public Uri GetManagementEndpoint(Uri replicaEndpoint) =>
        _orchestrator.GetManagementEndpoint(_replicas.Single(r => r.Value == replicaEndpoint).Key);

    /// <summary>Prometheus's HTTP API of a run started with <c>--monitoring</c>.</summary>
    public Uri GetPrometheusEndpoint() => _orchestrator.Monitoring is { } monitoring
        ? new Uri($"http://localhost:{monitoring.PrometheusPort}")
        : throw new InvalidOperationException("The system was not started with --monitoring.");

    public Uri GetEndpoint(string resourceName) =>
        _replicas.TryGetValue(resourceName, out var replica) ? replica : _orchestrator.GetEndpoint(resourceName);

    /// <summary>"postgres", "identitydb", "chatdb", "moderationdb", "billingdb", "redis" or "rabbitmq".</summary>
    public Task<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_orchestrator.ConnectionStrings.GetValueOrDefault(resourceName));
    }

    /// <summary>The exact environment the AppHost gives this service (what a WebApplicationFactory host should use).</summary>
    public IReadOnlyDictionary<string, string> GetEnvironment(string service) =>
        _orchestrator.EnvironmentFor(service);

    public Task StopResourceAsync(string name, CancellationToken ct = default) => _orchestrator.StopResourceAsync(name, ct);

    public Task KillResourceAsync(string name) => _orchestrator.KillResourceAsync(name);

    public Task StartResourceAsync(string name, CancellationToken ct = default) => _orchestrator.StartResourceAsync(name, ct);

    /// <summary>SIGSTOP to the resource's whole process tree: it keeps its port but answers nothing (a hung server) until resumed.</summary>
    public Task PauseResourceAsync(string name) => _orchestrator.PauseResourceAsync(name, pause: true);

    /// <summary>SIGCONT after <see cref="PauseResourceAsync"/>; stopping or disposing a paused resource resumes it first.</summary>
    public Task ResumeResourceAsync(string name) => _orchestrator.PauseResourceAsync(name, pause: false);

    /// <summary>Starts one more instance of <paramref name="service"/> on a free port (same environment) and returns its endpoint.</summary>
    public async Task<Uri> StartReplicaAsync(string service, CancellationToken ct = default)
    {
        var (name, endpoint) = await _orchestrator.StartReplicaAsync(service, ct);
        _replicas[name] = endpoint;
        return endpoint;
    }

    /// <summary>Everything the resource wrote (stdout and stderr), in order; replicas are named &lt;service&gt;-replica-N.</summary>
    public IReadOnlyList<string> GetLogLines(string resourceName) => _orchestrator.Logs.GetLines(resourceName);

    /// <summary>
    /// Until the returned registration is disposed, SIGINT (Ctrl+C), SIGTERM (<c>kill</c>, a CI timeout) and SIGHUP (the
    /// terminal closed) stop this copy of the system, then exit the process with 128 + the signal's number. Without it the
    /// runtime exits at once and the PostgreSQL, Redis, RabbitMQ and service processes it started keep running, with
    /// their ports and state folders. For programs (the benchmarks, the load tool); test hosts dispose as usual.
    /// </summary>
    /// <param name="signals">The signals to handle; none given: SIGINT, SIGTERM and SIGHUP (a program that handles Ctrl+C
    /// itself passes SIGTERM and SIGHUP).</param>
    public IDisposable StopOnTermination(params PosixSignal[] signals) => new TerminationSignals(
        signals.Length > 0 ? signals : [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP],
        number => _ = StopForSignalAsync(number, Environment.Exit));

    /// <summary>What a termination signal does: stop everything (once, whoever else disposes), then exit.</summary>
    internal Task StopForSignalAsync(int signalNumber, Action<int> exit)
    {
        lock (_disposing)
        {
            return _signalStop ??= StopAndExitAsync(signalNumber, exit);
        }
    }

    private async Task StopAndExitAsync(int signalNumber, Action<int> exit)
    {
        Console.Error.WriteLine($"Signal {signalNumber}: stopping every process this program started, then exiting.");
        try
        {
            await DisposeCoreAsync();
        }
        finally
        {
            exit(128 + signalNumber);
        }
    }

    /// <summary>
    /// Stops every process and deletes the state. While a termination signal is being handled, this waits for the
    /// handler's exit instead: the program's main flow, whose calls to the stopped services fail meanwhile, does not end
    /// first with their exceptions.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (_disposing)
        {
            return new ValueTask(_signalStop ?? DisposeCoreAsync());
        }
    }

    private Task DisposeCoreAsync()
    {
        lock (_disposing)
        {
            return _disposal ??= DisposeOnceAsync();
        }
    }

    private async Task DisposeOnceAsync()
    {
        await _orchestrator.DisposeAsync();
        var postgresLocation = Path.Combine(_orchestrator.StateDirectory, "postgres.location");
        if (File.Exists(postgresLocation) && (await File.ReadAllTextAsync(postgresLocation)).Trim() is { Length: > 0 } external)
        {
            Directory.Delete(external, recursive: true); // PostgreSQL data kept outside an unreachable state folder
        }
        try
        {
            Directory.Delete(_orchestrator.StateDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
