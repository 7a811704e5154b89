using Chatbot.TestSupport;

namespace Chatbot.Deploy.Tests.Monitoring;

/// <summary>Debian's <c>promtool</c> (package <c>prometheus</c>, installed by scripts/prerequisites.sh --monitoring).</summary>
internal static class Promtool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var path = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("promtool is missing: run `source scripts/prerequisites.sh; chatbot_ensure_prerequisites --monitoring` (apt-get install prometheus).");
        var result = await CommandRunner.RunAsync(path, arguments, RepoRoot.Of("deploy/monitoring"));
        return (result.ExitCode, result.Output + result.Error);
    }
}
