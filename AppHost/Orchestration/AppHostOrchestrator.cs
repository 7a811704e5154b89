using System.Collections.Concurrent;
using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Monitoring;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// The engine: chooses ports and infrastructure, then starts infrastructure → migrations → services, each gated on the
/// health of what it references; stops everything in reverse order. The console UI and the test builder sit on top.
/// </summary>
public sealed class AppHostOrchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly AppHostOptions _options;
    private readonly PortAllocator _ports;
    private readonly Dictionary<string, int> _resourcePorts = [];
    private readonly Dictionary<string, Uri> _endpoints = [];
    private readonly IReadOnlyDictionary<string, int> _managementPorts;
    private readonly ConcurrentDictionary<string, Uri> _replicaManagementEndpoints = new();
    private readonly ConcurrentDictionary<string, IResourceRunner> _runners = new();
    private readonly ConcurrentDictionary<string, int> _replicaCounts = new();
    private readonly HttpClient _healthClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ServiceRunnerFactory _serviceRunners;
    private InfrastructureResources? _infrastructure;
    private bool _disposed;

    public AppHostOrchestrator(DistributedApplicationModel model, AppHostOptions options)
    {
        _model = model;
        _options = options;
        _ports = new PortAllocator(options.UseFreePorts);
        StateDirectory = StateFolder.Prepare(options);
        Passwords = new PasswordStore(StateDirectory);
        Mode = InfrastructureSelector.Choose(options);
        foreach (var infra in model.Infrastructure)
        {
            _resourcePorts[infra.Name] = Mode == InfraMode.Existing ? 0 : _ports.Allocate(infra.Name, infra.TargetPort, options.Ports);
        }
        foreach (var service in model.Projects)
        {
            _resourcePorts[service.Name] = _ports.Allocate(service.Name, service.DefaultPort, options.Ports);
            _endpoints[service.Name] = new Uri($"http://localhost:{_resourcePorts[service.Name]}");
        }
        _managementPorts = ManagementPorts.Allocate(_ports, model.Projects, options.Ports);
        foreach (var (service, port) in _managementPorts)
        {
            _resourcePorts[ManagementPorts.NameOf(service)] = port;
        }
        if (options.Monitoring)
        {
            if (Mode != InfraMode.Local)
            {
                throw new PrerequisiteMissingException("--monitoring runs Prometheus and the exporters beside local servers: use it with --infra local.");
            }
            Monitoring = MonitoringResources.Allocate(_ports, _managementPorts, options.Ports);
            foreach (var (name, port) in MonitoringResources.Ports(Monitoring))
            {
                _resourcePorts[name] = port;
            }
        }
        _serviceRunners = new ServiceRunnerFactory(options, Notifications, Logs, _healthClient);
        SelectedServices = [.. (options.Services is { } names ? names.Select(n => (ProjectResource)model[n]) : model.Projects)];
    }

    public ResourceNotificationService Notifications { get; } = new();
    public ResourceLogStore Logs { get; } = new();
    public InfraMode Mode { get; }
    public string StateDirectory { get; }
    /// <summary>The installation's generated passwords and secrets (<c>secrets.json</c>): servers' passwords, the service credential.</summary>
    public PasswordStore Passwords { get; }
    public IReadOnlyList<ProjectResource> SelectedServices { get; }
    public IReadOnlyDictionary<string, Uri> Endpoints => _endpoints;
    public IReadOnlyDictionary<string, int> Ports => _resourcePorts;

    /// <summary>The management ports, exporters, Prometheus and Alertmanager of a <c>--monitoring</c> run; null otherwise.</summary>
    public MonitoringTargets? Monitoring { get; }

    public IReadOnlyDictionary<string, string> ConnectionStrings =>
        _infrastructure?.ConnectionStrings ?? throw new InvalidOperationException("Connection strings are known once the application is started.");

    public Uri GetEndpoint(string service) => _endpoints.TryGetValue(service, out var endpoint)
        ? endpoint
        : throw new KeyNotFoundException($"'{service}' is not a service with an http endpoint.");

    /// <summary>Infrastructure → databases → migrations → services, in dependency order, each healthy before its dependants.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _infrastructure = InfrastructureSelector.Provider(Mode, _ports).Create(new InfrastructureContext(
            _model, _options, _resourcePorts, Passwords, StateDirectory, Notifications, Logs));
        var infraNames = RequiredInfrastructure();
        var infraTasks = new Dictionary<string, Task>();
        foreach (var runner in _infrastructure.Runners.Where(r => infraNames.Contains(r.Name)))
        {
            _runners[runner.Name] = runner;
            infraTasks[runner.Name] = runner.StartAsync(cancellationToken);
        }
        var monitoring = Monitoring is null ? Task.CompletedTask : StartMonitoringAsync(Monitoring, [.. infraTasks.Values], cancellationToken);
        PublishWaiting();
        var databasesReady = infraTasks.TryGetValue(_model.Single<PostgresServerResource>().Name, out var postgresTask)
            ? PublishDatabasesAsync(postgresTask)
            : Task.CompletedTask;
        var serviceTasks = new Dictionary<string, Task>();
        var graph = new StartOrderGraph(SelectedServices);
        foreach (var wave in graph.Waves)
        {
            foreach (var name in wave)
            {
                var service = SelectedServices.Single(s => s.Name == name);
                var dependencies = graph.DependenciesOf(name).Select(d => serviceTasks[d]);
                var infra = service.References.Select(InfraOf).OfType<string>().Select(n => infraTasks[n]);
                serviceTasks[name] = StartServiceAsync(service, databasesReady, [.. infra], [.. dependencies], cancellationToken);
            }
        }
        await Task.WhenAll([.. infraTasks.Values, databasesReady, .. serviceTasks.Values, monitoring]);
    }

    public Task StartResourceAsync(string name, CancellationToken cancellationToken = default) =>
        Runner(name).StartAsync(cancellationToken);

    public Task StopResourceAsync(string name, CancellationToken cancellationToken = default) =>
        Runner(name).StopAsync(cancellationToken);

    public Task KillResourceAsync(string name) => Runner(name).KillAsync();

    /// <summary>SIGSTOP / SIGCONT to a resource this AppHost runs as a process (not to an existing server or a container).</summary>
    public Task PauseResourceAsync(string name, bool pause) => Runner(name) is ProcessResourceRunner runner
        ? runner.PauseAsync(pause)
        : throw new NotSupportedException($"{name} is not a local process this AppHost can pause.");

    /// <summary>Another instance of a running service on a free port, with the same environment; named <c>&lt;service&gt;-replica-N</c>.</summary>
    public async Task<(string Name, Uri Endpoint)> StartReplicaAsync(string service, CancellationToken cancellationToken = default)
    {
        var resource = (ProjectResource)_model[service];
        var number = _replicaCounts.AddOrUpdate(service, 1, (_, n) => n + 1);
        var name = $"{service}-replica-{number}";
        var endpoint = new Uri($"http://localhost:{_ports.GetFreePort()}");
        var management = _ports.GetFreePort();
        var runner = _serviceRunners.Create(name, resource, endpoint, EnvironmentFor(resource, endpoint, management), ManagementPorts.Endpoint(management));
        _runners[name] = runner;
        _replicaManagementEndpoints[name] = ManagementPorts.Endpoint(management);
        await runner.StartAsync(cancellationToken);
        return (name, endpoint);
    }

    /// <summary>The exact environment a service instance gets (see <see cref="ServiceEnvironmentBuilder"/>).</summary>
    public SortedDictionary<string, string> EnvironmentFor(ProjectResource service, Uri endpoint) =>
        EnvironmentFor(service, endpoint, _managementPorts[service.Name]);

    /// <summary><c>Management__Port</c> moves /metrics, /health and /alive off the service's own port (<see cref="ManagementPorts"/>).</summary>
    private SortedDictionary<string, string> EnvironmentFor(ProjectResource service, Uri endpoint, int managementPort)
    {
        var environment = ServiceEnvironmentBuilder.Build(service, endpoint, Guid.NewGuid().ToString("N")[..12], ConnectionStrings, _endpoints, _options,
            StateDirectory, parameter => Passwords.GetOrCreate(parameter.Name));
        environment["Management__Port"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }

    /// <summary>Where a service (or a replica, <c>&lt;service&gt;-replica-N</c>) answers /health, /alive and /metrics: its management port.</summary>
    public Uri GetManagementEndpoint(string service) => _replicaManagementEndpoints.TryGetValue(service, out var replica)
        ? replica
        : _managementPorts.TryGetValue(service, out var port)
            ? ManagementPorts.Endpoint(port)
            : throw new KeyNotFoundException($"'{service}' is not a service with a management port.");

    /// <summary>Stops services (dependants first), then infrastructure; nothing is left running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var runner in _runners.Values.OfType<ProcessResourceRunner>())
        {
            runner.BeginShutdown();
        }
        var infra = _model.Infrastructure.Select(i => i.Name).ToHashSet();
        var services = _runners.Values.Where(r => !infra.Contains(r.Name)).ToList();
        await Task.WhenAll(services.Select(r => r.DisposeAsync().AsTask()));
        await Task.WhenAll(_runners.Values.Where(r => infra.Contains(r.Name)).Select(r => r.DisposeAsync().AsTask()));
        foreach (var database in _model.Databases.Where(d => Notifications.GetSnapshot(d.Name) is not null))
        {
            Notifications.Publish(database.Name, "PostgresDatabase", s => s with { State = KnownResourceStates.Finished, Health = null });
        }
        _healthClient.Dispose();
    }

    /// <summary>Last resort when a graceful stop overruns: SIGKILL every process tree.</summary>
    public async Task KillAllAsync()
    {
        foreach (var runner in _runners.Values)
        {
            try
            {
                await runner.KillAsync();
            }
            catch (NotSupportedException)
            {
                // existing servers are not ours to kill
            }
        }
    }

    /// <summary>Ports this run needs that something else already listens on (checked before start, default ports only).</summary>
    public IReadOnlyList<string> PortsInUse() => [.. _resourcePorts
        .Where(p => p.Value > 0 && (Mode != InfraMode.Existing || _endpoints.ContainsKey(p.Key)))
        .Where(p => !_model.Projects.Any(s => PortsOf(s).Contains(p.Key)) || SelectedServices.Any(s => PortsOf(s).Contains(p.Key)))
        .Where(p => PortAllocator.IsInUse(p.Value))
        .Select(p => $"{p.Key} ({p.Value})")];

    private static string[] PortsOf(ProjectResource service) => [service.Name, ManagementPorts.NameOf(service.Name)];

    /// <summary>The exact environment of one service of this run.</summary>
    public SortedDictionary<string, string> EnvironmentFor(string service) =>
        EnvironmentFor((ProjectResource)_model[service], GetEndpoint(service));

    /// <summary>Migrations as soon as the databases exist; then waits for the rest of its infrastructure and the services it references.</summary>
    private async Task StartServiceAsync(ProjectResource service, Task databases, Task[] infrastructure, Task[] dependencies, CancellationToken ct)
    {
        var endpoint = _endpoints[service.Name];
        IResourceRunner runner;
        try
        {
            var environment = EnvironmentFor(service, endpoint);
            runner = _serviceRunners.Create(service.Name, service, endpoint, environment, ManagementPorts.Endpoint(_managementPorts[service.Name]));
            _runners[service.Name] = runner;
            if (service.Databases.Any())
            {
                await databases;
                await MigrateAsync(service, environment, ct);
            }
            Notifications.Publish(service.Name, "Project", s => s with { State = KnownResourceStates.Waiting });
            await Task.WhenAll(infrastructure);
            await Task.WhenAll(dependencies);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Notifications.Publish(service.Name, "Project", s => s with { State = KnownResourceStates.FailedToStart, Error = e.Message });
            throw;
        }
        await runner.StartAsync(ct);
    }

    private async Task MigrateAsync(ProjectResource service, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var stamp = Mode == InfraMode.Existing ? null : new MigrationStamp(StateDirectory);
        if (stamp?.IsCurrent(service) == true)
        {
            Logs.Write(service.Name, "[apphost] migrations already applied by this build; skipping --migrate");
            return;
        }
        Notifications.Publish(service.Name, "Project", s => s with { State = KnownResourceStates.Migrating });
        await _serviceRunners.MigrateAsync(service, environment, ct);
        stamp?.Record(service);
    }

    /// <summary>Prometheus, Alertmanager and the exporters, once the servers they watch are up; services do not wait for them.</summary>
    private async Task StartMonitoringAsync(MonitoringTargets targets, Task[] infrastructure, CancellationToken ct)
    {
        var context = new InfrastructureContext(_model, _options, _resourcePorts, Passwords, StateDirectory, Notifications, Logs);
        var runners = LocalMonitoring.CreateRunners(context, targets, MonitoringResources.RulesDirectory(), _healthClient);
        foreach (var runner in runners)
        {
            _runners[runner.Name] = runner;
        }
        await Task.WhenAll(infrastructure);
        await Task.WhenAll(runners.Select(r => r.StartAsync(ct)));
    }

    private async Task PublishDatabasesAsync(Task postgres)
    {
        await postgres;
        foreach (var database in _model.Databases)
        {
            Notifications.Publish(database.Name, "PostgresDatabase",
                s => s with { State = KnownResourceStates.Running, Health = HealthStatus.Healthy });
        }
    }

    private void PublishWaiting()
    {
        foreach (var database in _model.Databases)
        {
            Notifications.Publish(database.Name, "PostgresDatabase", s => s with { State = KnownResourceStates.Waiting });
        }
        foreach (var service in SelectedServices)
        {
            Notifications.Publish(service.Name, "Project", s => s with { State = KnownResourceStates.Waiting, Url = _endpoints[service.Name].ToString().TrimEnd('/') });
        }
    }

    /// <summary>Servers the selected services reference; all of them when no service is selected (infrastructure only).</summary>
    private HashSet<string> RequiredInfrastructure() => SelectedServices.Count == 0
        ? [.. _model.Infrastructure.Select(i => i.Name)]
        : [.. SelectedServices.SelectMany(s => s.References).Select(InfraOf).OfType<string>()];

    private static string? InfraOf(Resource reference) => reference switch
    {
        PostgresDatabaseResource database => database.Server.Name,
        ContainerResource server => server.Name,
        _ => null,
    };

    private IResourceRunner Runner(string name) => _runners.TryGetValue(name, out var runner)
        ? runner
        : throw new KeyNotFoundException($"'{name}' is not a running resource of this application.");
}
