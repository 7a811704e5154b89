using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Where PostgreSQL keeps its data: <c>&lt;state&gt;/postgres</c>, unless the server's user cannot reach the state
/// folder (a checkout under <c>/root</c>, mode 0700). Then the data goes to
/// <c>/var/lib/postgresql/chatbot-aspire/&lt;hash of the state folder&gt;</c> (the postgres user's own home), the
/// state folder records that in <c>postgres.location</c>, and a new state folder (<c>--fresh</c>) starts it over.
/// </summary>
public static class PostgresDataLocation
{
    private const string Fallback = "/var/lib/postgresql/chatbot-aspire";

    public static async Task<string> ResolveAsync(string stateDirectory, string? runAs, CancellationToken ct)
    {
        var inState = Path.Combine(stateDirectory, "postgres");
        if (runAs is null || await CanReachAsync(runAs, stateDirectory, ct))
        {
            return inState;
        }
        var external = Path.Combine(Fallback, StateFolder.Key(stateDirectory));
        var marker = Path.Combine(stateDirectory, "postgres.location");
        if (!File.Exists(marker) && Directory.Exists(external))
        {
            Directory.Delete(external, recursive: true); // data of an earlier, wiped state folder: its password is gone
        }
        Directory.CreateDirectory(Fallback);
        await FileOwnership.GiveToAsync(runAs, Fallback, ct);
        await File.WriteAllTextAsync(marker, external + "\n", ct);
        return external;
    }

    private static async Task<bool> CanReachAsync(string user, string directory, CancellationToken ct)
    {
        await using var test = ManagedProcess.Start(new ProcessSpec("test", ["-x", directory], "/") { RunAsUser = user }, (_, _) => { });
        return await test.Exited.WaitAsync(ct) == 0;
    }
}
