using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ started as local processes (Debian packages) in a private temp folder on free
/// ports, for one test run. Everything started here is stopped in <see cref="DisposeAsync"/>.
/// Stand-in for the AppHost test builder (branch apphost) until it is merged.
/// </summary>
public sealed class LocalInfrastructure : IAsyncLifetime
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";
    private readonly string root = Path.Combine(Path.GetTempPath(), $"chat-it-{Guid.NewGuid():N}");
    private readonly List<Process> processes = [];
    private int pgPort;
    private int epmdPort;

    public string PostgresConnectionString(string database) =>
        $"Host=127.0.0.1;Port={pgPort};Username=postgres;Database={database};Pooling=true";
    public string RedisConnectionString { get; private set; } = "";
    public string RabbitMqConnectionString { get; private set; } = "";
    public Uri RabbitMqUri => new(RabbitMqConnectionString);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        await Task.WhenAll(StartPostgresAsync(), StartRedisAsync(), StartRabbitMqAsync());
    }

    private async Task StartPostgresAsync()
    {
        pgPort = FreePort();
        var data = Path.Combine(root, "pg");
        Directory.CreateDirectory(data);
        await RunAsync("chown", $"-R postgres:postgres {root}");
        await RunAsync("runuser", $"-u postgres -- {PgBin}/initdb -D {data} -U postgres --auth=trust -E UTF8");
        await RunAsync("runuser", $"-u postgres -- {PgBin}/pg_ctl -D {data} -w -l {data}/log.txt -o \"-p {pgPort} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off\" start");
    }

    private async Task StartRedisAsync()
    {
        var port = FreePort();
        var dir = Path.Combine(root, "redis");
        Directory.CreateDirectory(dir);
        Start("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir {dir}", new());
        RedisConnectionString = $"127.0.0.1:{port}";
        await WaitForPortAsync(port, TimeSpan.FromSeconds(20));
    }

    private async Task StartRabbitMqAsync()
    {
        var port = FreePort();
        epmdPort = FreePort();
        var dir = Path.Combine(root, "rabbitmq");
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        await File.WriteAllTextAsync(Path.Combine(dir, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(dir, "rabbitmq.conf"), "loopback_users = none\n");
        Start("/usr/lib/rabbitmq/bin/rabbitmq-server", "", new()
        {
            ["HOME"] = dir,
            ["RABBITMQ_NODENAME"] = $"chatit{port}@localhost",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = FreePort().ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        });
        RabbitMqConnectionString = $"amqp://guest:guest@127.0.0.1:{port}/";
        await WaitForPortAsync(port, TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }
        }
        var pgData = Path.Combine(root, "pg");
        if (Directory.Exists(pgData))
        {
            await RunAsync("runuser", $"-u postgres -- {PgBin}/pg_ctl -D {pgData} -m immediate -w stop", check: false);
        }
        if (epmdPort != 0)
        {
            var epmd = Directory.GetFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).FirstOrDefault(f => f.Contains("erts"));
            if (epmd is not null)
            {
                await RunAsync(epmd, "-kill", check: false, env: new() { ["ERL_EPMD_PORT"] = epmdPort.ToString() });
            }
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Start(string file, string arguments, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
    }

    private static async Task RunAsync(string file, string arguments, bool check = true, Dictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in env ?? [])
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stdout} {await stderr}");
        }
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
                await Task.Delay(250);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within {timeout}.");
    }
}
