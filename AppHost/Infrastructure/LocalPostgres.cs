using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL as a local process: <c>initdb</c> on first start (password auth, scram-sha-256), data under
/// <c>&lt;state&gt;/postgres/data</c>. Runs as the unprivileged <c>postgres</c> user when the AppHost runs as root;
/// stops with <c>pg_ctl stop -m fast</c>.
/// </summary>
public static class LocalPostgres
{
    private const string SystemUser = "postgres";

    public static ProcessResourceRunner CreateRunner(InfrastructureContext context, IReadOnlyDictionary<string, string> connectionStrings)
    {
        var resource = context.Postgres;
        var bin = LocalBinaries.PostgresBinDirectory ?? throw new InvalidOperationException($"PostgreSQL is not installed: {LocalBinaries.InstallCommand}");
        var root = context.StatePath("postgres");
        var data = Path.Combine(root, "data");
        var runAs = NativeMethods.IsRoot ? SystemUser : null;
        string[] arguments =
        [
            "-D", data, "-p", context.Ports[resource.Name].ToString(),
            "-c", "listen_addresses=localhost", "-c", "unix_socket_directories=", "-c", "max_connections=300",
            .. context.Options.Durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "full_page_writes=off"],
        ];
        return context.Runner(new ProcessRunnerDefinition
        {
            Name = resource.Name,
            Type = "PostgreSQL",
            Url = $"tcp://localhost:{context.Ports[resource.Name]}",
            RestartOnCrash = context.Options.RestartOnCrash,
            StartTimeout = context.Options.StartTimeout,
            PrepareAsync = async ct =>
            {
                await InitializeAsync(context, bin, root, data, runAs, ct);
                return new ProcessSpec(Path.Combine(bin, "postgres"), arguments, root) { RunAsUser = runAs, StopSignal = NativeMethods.SigInt };
            },
            HealthCheck = InfraHealthChecks.Postgres(connectionStrings[resource.Name]),
            AfterHealthyAsync = ct => PostgresDatabaseCreator.EnsureAsync(connectionStrings[resource.Name],
                resource.Databases.Select(d => d.DatabaseName), ct),
            GracefulStopAsync = process => StopAsync(process, bin, data, runAs, root),
        });
    }

    private static async Task InitializeAsync(InfrastructureContext context, string bin, string root, string data, string? runAs,
        CancellationToken ct)
    {
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true); // a half-finished initdb
        }
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var passwordFile = Path.Combine(root, "initdb.pw");
        PasswordStore.WritePrivate(passwordFile, context.Password(context.Postgres.Password));
        try
        {
            if (runAs is not null)
            {
                await FileOwnership.GiveToAsync(runAs, root, ct);
            }
            var initdb = new ProcessSpec(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", $"--pwfile={passwordFile}", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"],
                root) { RunAsUser = runAs };
            var exitCode = await RunToExitAsync(context, initdb, ct);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {exitCode}.");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task StopAsync(ManagedProcess process, string bin, string data, string? runAs, string root)
    {
        if (process.HasExited)
        {
            return;
        }
        var pgCtl = new ProcessSpec(Path.Combine(bin, "pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w", "-t", "8"], root) { RunAsUser = runAs };
        await using (var stop = ManagedProcess.Start(pgCtl, (_, _) => { }))
        {
            await Task.WhenAny(stop.Exited, Task.Delay(TimeSpan.FromSeconds(8)));
        }
        await process.StopAsync(TimeSpan.FromSeconds(2));
    }

    private static async Task<int> RunToExitAsync(InfrastructureContext context, ProcessSpec spec, CancellationToken ct)
    {
        await using var process = ManagedProcess.Start(spec, (line, isError) => context.Logs.Write(context.Postgres.Name, line, isError));
        return await process.Exited.WaitAsync(ct);
    }
}
