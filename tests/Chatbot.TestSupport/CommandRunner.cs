using System.Diagnostics;

namespace Chatbot.TestSupport;

/// <summary>Runs a command-line tool (promtool, npm, node) to completion, reading its output as it runs.</summary>
public static class CommandRunner
{
    /// <summary>
    /// Runs <paramref name="file"/> in <paramref name="workingDirectory"/>; after <paramref name="timeout"/> (default 3 minutes,
    /// a loaded machine's margin) its whole process tree is killed and a <see cref="TimeoutException"/> names the command.
    /// </summary>
    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        using var expiry = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} ran longer than {limit.TotalMinutes:0.#} minutes.");
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
