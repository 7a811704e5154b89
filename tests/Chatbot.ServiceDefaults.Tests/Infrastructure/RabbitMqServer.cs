using System.Diagnostics;
using System.Globalization;

namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A private RabbitMQ node (own node name, ports, epmd port, data and log folders, no plugins) on free ports.
/// The node and its epmd are stopped and the folder deleted on dispose.
/// </summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chatbot-sd-rmq-{Guid.NewGuid():N}");
    private readonly int _distPort = FreePort.Next();
    private readonly int _epmdPort = FreePort.Next();
    private Process? _process;

    public int Port { get; } = FreePort.Next();
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException("RabbitMQ not installed (apt-get install rabbitmq-server).");
        }
        Directory.CreateDirectory(_folder);
        var config = Path.Combine(_folder, "rabbitmq.conf");
        await File.WriteAllTextAsync(config, $"listeners.tcp.1 = 127.0.0.1:{Port}\nloopback_users = none\n");
        var plugins = Path.Combine(_folder, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[].\n");
        _process = ProcessRunner.StartServer(ServerScript, [], Environment());
        await ProcessRunner.WaitForPortAsync(Port, TimeSpan.FromSeconds(90), _process);
    }

    public async Task DisposeAsync()
    {
        ProcessRunner.Kill(_process);
        // Our private epmd refuses to die while it still lists the node; the node unregisters within moments.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (_, output) = await ProcessRunner.CaptureAsync("epmd", ["-port", _epmdPort.ToString(CultureInfo.InvariantCulture), "-kill"]);
            if (!output.Contains("not allowed", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
            await Task.Delay(250);
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = _folder,
        ["RABBITMQ_NODENAME"] = $"sdtest{Port}@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = _distPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_PORT"] = _epmdPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(_folder, "rabbitmq.pid"),
    };
}
