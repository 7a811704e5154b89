using System.Security.Cryptography;
using System.Text;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// The folder that holds data and generated passwords (default <c>.state/</c> in the repository root, git-ignored).
/// It is 0755 so that PostgreSQL, running as the <c>postgres</c> user, can reach its own 0700 data folder inside.
/// </summary>
public static class StateFolder
{
    public static string Prepare(AppHostOptions options)
    {
        var path = Path.GetFullPath(options.StateDirectory is { Length: > 0 } configured ? configured : DefaultPath());
        if (options.Fresh && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    /// <summary>A short stable name for a state folder, for things kept outside it (data folders, container names).</summary>
    public static string Key(string stateDirectory, int length = 12) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stateDirectory)))[..length];

    /// <summary><c>.state/</c> next to the solution the AppHost was built from.</summary>
    public static string DefaultPath()
    {
        var directory = new DirectoryInfo(Projects.AppHostProject.Directory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chatbot.Aspire.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? Projects.AppHostProject.Directory, ".state");
    }
}
