using System.Diagnostics;

namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster (initdb + postgres) on a free port in a temp folder, trust auth on loopback,
/// run as the unprivileged <c>postgres</c> user when the tests run as root. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chatbot-sd-pg-{Guid.NewGuid():N}");
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password=unused;Timeout=5";

    public async Task InitializeAsync()
    {
        var bin = FindBin();
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", _folder]);
        }
        await RunAsUserAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        _process = ProcessRunner.StartServer(AsUser(Path.Combine(bin, "postgres")).File,
            [.. AsUser(Path.Combine(bin, "postgres")).Args, "-D", data, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-k", _folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]);
        await ProcessRunner.WaitForPortAsync(Port, TimeSpan.FromSeconds(30), _process);
        // The port opens before the server accepts connections ("the database system is starting up"): retry.
        var (file, prefix) = AsUser(Path.Combine(bin, "createdb"));
        string[] args = [.. prefix, "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "probedb"];
        for (var attempt = 0; ; attempt++)
        {
            var (exitCode, output) = await ProcessRunner.CaptureAsync(file, args);
            if (exitCode == 0)
            {
                return;
            }
            if (attempt >= 60 || !output.Contains("starting up", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"createdb failed: {output}");
            }
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            var (file, prefix) = AsUser(Path.Combine(FindBin(), "pg_ctl"));
            await ProcessRunner.CaptureAsync(file, [.. prefix, "-D", Path.Combine(_folder, "data"), "stop", "-m", "fast", "-w"]);
        }
        ProcessRunner.Kill(_process);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (string File, string[] Args) AsUser(string command) =>
        ProcessRunner.IsRoot ? ("runuser", ["-u", "postgres", "--", command]) : (command, []);

    private static Task RunAsUserAsync(string command, string[] args)
    {
        var (file, prefix) = AsUser(command);
        return ProcessRunner.RunAsync(file, [.. prefix, .. args]);
    }

    private static string FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql).");
    }
}
