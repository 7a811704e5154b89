using System.Diagnostics;

namespace Chatbot.SecurityDrills.Secrets;

/// <summary>The checkout this test runs from, its tracked files and the build output of its projects.</summary>
public static class RepositoryFiles
{
    private const long MaxBytes = 5_000_000;

    public static string Root { get; } = FindRoot();

    /// <summary>Tracked text files (<c>git ls-files</c>), relative paths with '/'.</summary>
    public static IReadOnlyList<string> Tracked()
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", Root, "ls-files", "-z"]) { RedirectStandardOutput = true })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => IsText(Path.Combine(Root, f)))];
    }

    /// <summary>
    /// Build output that ships: every text file (appsettings*.json, *.config, *.xml, *.json) under the services' and the
    /// AppHost's bin/, and the Chatbot.* assemblies themselves (string literals are compiled into them).
    /// </summary>
    public static IReadOnlyList<string> BuildOutput()
    {
        string[] roots = [.. Directory.GetDirectories(Path.Combine(Root, "services")), Path.Combine(Root, "AppHost"), Path.Combine(Root, "ServiceDefaults")];
        var files = roots.Select(r => Path.Combine(r, "bin")).Where(Directory.Exists)
            .SelectMany(bin => Directory.EnumerateFiles(bin, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".json" or ".config" or ".xml" or ".txt" or ".yaml" or ".yml" or ".env" or ".pem"
                || (Path.GetFileName(f).StartsWith("Chatbot.", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)))
            .Where(f => new FileInfo(f).Length <= MaxBytes)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .ToList();
        return files;
    }

    /// <summary>The file's text; assemblies are read as UTF-8 and as UTF-16 (how .NET stores string literals).</summary>
    public static string Read(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Root, relativePath));
        return relativePath.EndsWith(".dll", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(bytes) + "\n" + System.Text.Encoding.Unicode.GetString(bytes)
            : System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static bool IsText(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > MaxBytes)
        {
            return false;
        }
        using var stream = info.OpenRead();
        var head = new byte[Math.Min(8000, info.Length)];
        stream.ReadExactly(head);
        return !head.Contains((byte)0);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.Aspire.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Chatbot.Aspire.sln not found above " + AppContext.BaseDirectory);
    }
}
