using System.Diagnostics;

namespace Chatbot.Deploy.Tests.Monitoring;

/// <summary>Debian's <c>promtool</c> (package <c>prometheus</c>, installed by scripts/prerequisites.sh --monitoring).</summary>
internal static class Promtool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var path = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("promtool is missing: run `source scripts/prerequisites.sh; chatbot_ensure_prerequisites --monitoring` (apt-get install prometheus).");
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = RepoRoot.Of("deploy/monitoring"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"promtool {string.Join(' ', arguments)} ran longer than 3 minutes.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
