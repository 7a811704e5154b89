namespace Chatbot.Architecture.Tests;

public static class SourceFiles
{
    /// <summary>The C# files under <paramref name="folder"/>, build output left out.</summary>
    public static IEnumerable<string> Under(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));
}
