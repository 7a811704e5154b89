using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Hands a folder to an unprivileged user (PostgreSQL refuses to run as root).</summary>
public static class FileOwnership
{
    public static async Task GiveToAsync(string user, string path, CancellationToken ct)
    {
        await using var chown = ManagedProcess.Start(new ProcessSpec("chown", ["-R", $"{user}:", path], "/"), (_, _) => { });
        if (await chown.Exited.WaitAsync(ct) != 0)
        {
            throw new InvalidOperationException($"chown -R {user}: {path} failed.");
        }
    }
}
