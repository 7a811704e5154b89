namespace Chatbot.AppHost.Processes;

/// <summary>How to start one process: command, arguments, working folder and the exact extra environment.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Run as this (unprivileged) user via <c>setpriv</c>; only honoured when the AppHost runs as root.</summary>
    public string? RunAsUser { get; init; }

    /// <summary>OS scheduling niceness (<c>nice -n</c>, which execs in place); 0 = the AppHost's own.</summary>
    public int Niceness { get; init; }

    /// <summary>Signal sent for a graceful stop (SIGTERM; PostgreSQL takes SIGINT = "fast" shutdown).</summary>
    public int StopSignal { get; init; } = NativeMethods.SigTerm;

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
