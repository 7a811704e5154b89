using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// RabbitMQ as a private local node: its own node name, ports, Erlang cookie, config and a private <c>epmd</c> on a free
/// port (so several nodes can run side by side and no daemon outlives us). Data under <c>&lt;state&gt;/rabbitmq</c>,
/// or in memory without durability (<see cref="BrokerDataLocation"/>).
/// </summary>
public static class LocalRabbitMq
{
    public static ProcessResourceRunner CreateRunner(InfrastructureContext context, PortAllocator ports)
    {
        var resource = context.RabbitMq;
        var server = LocalBinaries.RabbitMqServer ?? throw new InvalidOperationException($"RabbitMQ is not installed: {LocalBinaries.InstallCommand}");
        var epmdPath = LocalBinaries.Epmd ?? throw new InvalidOperationException($"epmd (Erlang) is not installed: {LocalBinaries.InstallCommand}");
        var port = context.Ports[resource.Name];
        var root = context.StatePath("rabbitmq");
        var epmdPort = ports.GetFreePort();
        var distPort = ports.GetFreePort();
        var data = BrokerDataLocation.For(root, context.StateDirectory, context.Options.Durable);
        ManagedProcess? epmd = null;
        return context.Runner(new ProcessRunnerDefinition
        {
            Name = resource.Name,
            Type = "RabbitMQ",
            Url = $"amqp://localhost:{port}",
            RestartOnCrash = context.Options.RestartOnCrash,
            StartTimeout = context.Options.StartTimeout,
            PrepareAsync = async ct =>
            {
                WriteConfiguration(root, port, context.Password(resource.Password),
                    context.Ports.TryGetValue(Monitoring.MonitoringResources.RabbitMqPrometheus, out var metricsPort) ? metricsPort : null);
                BrokerDataLocation.Prepare(data, context.StateDirectory);
                if (epmd is null || epmd.HasExited)
                {
                    epmd = ManagedProcess.Start(new ProcessSpec(epmdPath, ["-port", epmdPort.ToString()], root),
                        (line, isError) => context.Logs.Write(resource.Name, $"[epmd] {line}", isError));
                    await HealthProbe.WaitUntilHealthyAsync("epmd", async c => await CanConnectAsync(epmdPort, c),
                        () => epmd.HasExited, TimeSpan.FromSeconds(10), ct);
                }
                return new ProcessSpec(server, [], root) { Environment = NodeEnvironment(root, data, port, epmdPort, distPort) };
            },
            HealthCheck = InfraHealthChecks.RabbitMq("127.0.0.1", port),
            StopGrace = TimeSpan.FromSeconds(6),
            DisposeAsync = async () =>
            {
                if (epmd is not null)
                {
                    await epmd.DisposeAsync();
                }
                BrokerDataLocation.RemoveIfInMemory(data);
            },
        });
    }

    private static Dictionary<string, string> NodeEnvironment(string root, string data, int port, int epmdPort, int distPort) => new()
    {
        ["HOME"] = Path.Combine(root, "home"),
        ["RABBITMQ_NODENAME"] = $"chatbot{port}@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = port.ToString(),
        ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = data,
        ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
    };

    /// <summary>With <paramref name="metricsPort"/> (<c>--monitoring</c>): the rabbitmq_prometheus plugin, per-queue metrics, on 127.0.0.1.</summary>
    private static void WriteConfiguration(string root, int port, string password, int? metricsPort)
    {
        Directory.CreateDirectory(Path.Combine(root, "home"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        File.WriteAllText(Path.Combine(root, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), metricsPort is null ? "[].\n" : "[rabbitmq_prometheus].\n");
        string[] metrics = metricsPort is { } p
            ? [$"prometheus.tcp.port = {p}", "prometheus.tcp.ip = 127.0.0.1", "prometheus.return_per_object_metrics = true"]
            : [];
        string[] lines =
        [
            .. metrics,
            $"listeners.tcp.1 = 127.0.0.1:{port}",
            "loopback_users = none",
            "default_user = guest",
            $"default_pass = {password}",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
            "",
        ];
        PasswordStore.WritePrivate(Path.Combine(root, "rabbitmq.conf"), string.Join('\n', lines));
        var cookie = Path.Combine(root, "home", ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            PasswordStore.WritePrivate(cookie, PasswordStore.Generate(32));
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }
    }

    private static async Task<bool> CanConnectAsync(int port, CancellationToken ct)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        return true;
    }
}
