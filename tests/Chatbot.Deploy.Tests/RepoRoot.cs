namespace Chatbot.Deploy.Tests;

/// <summary>The repository root, found above the test binaries.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Of(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Chatbot.Aspire.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (with Chatbot.Aspire.sln) not found above the test binaries.");
    }
}
