namespace Chatbot.Architecture.Tests;

public static class RepositoryRoot
{
    /// <summary>The folder holding Chatbot.Aspire.sln, found upwards from the test's output folder.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chatbot.Aspire.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Chatbot.Aspire.sln above {AppContext.BaseDirectory}.");
    }
}
