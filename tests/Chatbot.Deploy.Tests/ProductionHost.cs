using System.Collections.Concurrent;
using System.Globalization;
using Chatbot.AppHost.Processes;
using Chatbot.Aspire.Testing;

namespace Chatbot.Deploy.Tests;

/// <summary>
/// Starts services as the deploy files do, on this machine: a clean environment (<c>env -i</c>) holding exactly the
/// variables a deploy file gives, with only addresses moved to this test's servers: connection strings, the service's
/// own URL and management port, other services' URLs, the SMTP relay. Every other value is the deploy file's own.
/// </summary>
internal sealed class ProductionHost(DistributedApplication infrastructure, SmtpSink smtp) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly PortAllocator _ports = new(useFreePorts: true);
    private readonly List<ManagedProcess> _processes = [];
    private readonly ConcurrentQueue<string> _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Each service's address, fixed up front so a migration job may name a service that starts later.</summary>
    private readonly Dictionary<string, int> _servicePorts = [];

    public Dictionary<string, Uri> Endpoints { get; } = [];

    public string LogTail => string.Join(Environment.NewLine, _log.TakeLast(60));

    /// <summary>Runs <c>--migrate</c> with this environment; it must exit with 0.</summary>
    public async Task MigrateAsync(string service, IReadOnlyDictionary<string, string> deployEnvironment)
    {
        var environment = Localize(service, deployEnvironment, out _, out _);
        await using var process = Start(service, environment, ["--migrate"]);
        var exitCode = await process.Exited.WaitAsync(StartTimeout);
        Assert.True(exitCode == 0, $"{service} --migrate exited with {exitCode}:{Environment.NewLine}{LogTail}");
    }

    /// <summary>Starts the service and waits until its readiness endpoint answers 200; fails if it exits first.</summary>
    public async Task StartAsync(string service, IReadOnlyDictionary<string, string> deployEnvironment)
    {
        var environment = Localize(service, deployEnvironment, out var url, out var health);
        Endpoints[service] = url;
        var process = Start(service, environment, []);
        _processes.Add(process);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"{service} exited in Production with the deploy file's environment:{Environment.NewLine}{LogTail}");
            try
            {
                using var response = await _http.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        Assert.Fail($"{service} was not ready at {health} within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{LogTail}");
    }

    private Dictionary<string, string> Localize(string service, IReadOnlyDictionary<string, string> deploy, out Uri url, out Uri health)
    {
        var port = PortOf(service);
        url = new Uri($"http://127.0.0.1:{port}");
        var managementPort = deploy.ContainsKey("Management__Port") ? _ports.GetFreePort() : port;
        health = new Uri($"http://127.0.0.1:{managementPort}/health");
        var local = new Dictionary<string, string>();
        foreach (var (name, value) in deploy)
        {
            local[name] = name switch
            {
                "ASPNETCORE_URLS" => $"http://127.0.0.1:{port}",
                "Management__Port" => managementPort.ToString(CultureInfo.InvariantCulture),
                _ when name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) =>
                    infrastructure.GetConnectionStringAsync(name["ConnectionStrings__".Length..]).GetAwaiter().GetResult()
                        ?? throw new InvalidOperationException($"{service}: {name} names no server of the test"),
                _ when name.StartsWith("services__", StringComparison.Ordinal) => $"http://127.0.0.1:{PortOf(name.Split("__")[1])}",
                _ when name.EndsWith("__SmtpHost", StringComparison.Ordinal) => "127.0.0.1",
                _ when name.EndsWith("__SmtpPort", StringComparison.Ordinal) => smtp.Port.ToString(CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        Assert.True(local.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") == "Production", $"{service} is not deployed in Production");
        return local;
    }

    private int PortOf(string service)
    {
        _ = ServiceProjects.Of(service); // only the five services have an address
        if (!_servicePorts.TryGetValue(service, out var port))
        {
            _servicePorts[service] = port = _ports.GetFreePort();
        }
        return port;
    }

    private ManagedProcess Start(string service, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var assembly = ServiceProjects.Of(service).AssemblyPath;
        Assert.True(File.Exists(assembly), $"{service} is not built: {assembly}");
        string[] basics = [$"PATH={Environment.GetEnvironmentVariable("PATH")}", $"HOME={Path.GetTempPath()}", "DOTNET_CLI_TELEMETRY_OPTOUT=1"];
        var spec = new ProcessSpec("env", ["-i", .. basics, .. environment.Select(e => $"{e.Key}={e.Value}"), "dotnet", assembly, .. arguments],
            Path.GetDirectoryName(assembly)!);
        return ManagedProcess.Start(spec, (line, _) => _log.Enqueue($"{service}: {line}"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.StopAsync(TimeSpan.FromSeconds(10));
            await process.DisposeAsync();
        }
        _http.Dispose();
    }
}
