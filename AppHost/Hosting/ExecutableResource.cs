namespace Chatbot.AppHost.Hosting;

/// <summary>A process started from a command line (used for infrastructure in local mode).</summary>
public class ExecutableResource(string name, string command, string workingDirectory) : Resource(name)
{
    public string Command { get; } = command;
    public string WorkingDirectory { get; } = workingDirectory;
    public List<string> Args { get; } = [];
    public Dictionary<string, string> Environment { get; } = [];
}
