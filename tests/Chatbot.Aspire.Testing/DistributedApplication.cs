using Chatbot.AppHost;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.Aspire.Testing;

/// <summary>A running (or startable) copy of the system for one test class; dispose stops every process and deletes its state.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly AppHostOrchestrator _orchestrator;
    private readonly Dictionary<string, Uri> _replicas = [];

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

    public async ValueTask DisposeAsync()
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
