using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// Real Redis and RabbitMQ as local processes on free ports in a temp folder, all killed and deleted on dispose.
/// Stands in for the AppHost test builder's <c>WithServices()</c> (infrastructure only) until that branch is merged.
/// </summary>
internal sealed class LocalInfrastructure : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("chatbot-inference-tests-").FullName;
    private readonly List<Process> _processes = [];

    public string RedisConnectionString { get; private set; } = "";
    public string RabbitMqConnectionString { get; private set; } = "";

    public static async Task<LocalInfrastructure> StartAsync()
    {
        var infra = new LocalInfrastructure();
        try
        {
            await infra.StartRedisAsync();
            await infra.StartRabbitMqAsync();
        }
        catch
        {
            await infra.DisposeAsync();
            throw;
        }
        return infra;
    }

    private async Task StartRedisAsync()
    {
        var port = FreePort();
        Start("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _root], []);
        await WaitForPortAsync(port, TimeSpan.FromSeconds(20));
        RedisConnectionString = $"127.0.0.1:{port}";
    }

    private async Task StartRabbitMqAsync()
    {
        var (amqp, dist, epmd) = (FreePort(), FreePort(), FreePort());
        var dir = Path.Combine(_root, "rabbitmq");
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        await File.WriteAllTextAsync(Path.Combine(dir, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(dir, "rabbitmq.conf"), "loopback_users = none\n");
        Dictionary<string, string> env = new()
        {
            ["HOME"] = dir,
            ["ERL_EPMD_PORT"] = $"{epmd}",
            ["RABBITMQ_NODENAME"] = $"inference-tests-{amqp}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = $"{amqp}",
            ["RABBITMQ_DIST_PORT"] = $"{dist}",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
        };
        // Our own epmd in the foreground, so it is ours to stop (rabbitmq-server would start a detached one).
        Start("epmd", ["-port", $"{epmd}"], env);
        await WaitForPortAsync(epmd, TimeSpan.FromSeconds(10));
        Start("/usr/lib/rabbitmq/bin/rabbitmq-server", [], env);
        await WaitForPortAsync(amqp, TimeSpan.FromSeconds(60));
        RabbitMqConnectionString = $"amqp://guest:guest@127.0.0.1:{amqp}";
    }

    private void Start(string fileName, string[] args, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception) when (process.HasExited)
            {
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
