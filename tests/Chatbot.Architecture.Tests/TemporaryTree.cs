namespace Chatbot.Architecture.Tests;

/// <summary>A throw-away repository layout of csproj files (and Program.cs for services) and sources for the rule tests.</summary>
public sealed class TemporaryTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("chatbot-architecture-").FullName;

    public void Service(string folder, params string[] references) => Project(Path.Combine("services", folder), references, service: true);

    public void Library(string folder, params string[] references) => Project(Path.Combine("services", folder), references, service: false);

    public void ServiceDefaults() => Project("ServiceDefaults", [], service: false);

    /// <summary>A C# file at <paramref name="relative"/> (forward slashes) with <paramref name="text"/>.</summary>
    public void Source(string relative, string text)
    {
        var path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Project(string folder, string[] references, bool service)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, folder)).FullName;
        var items = string.Concat(references.Select(r => $"<ProjectReference Include=\"{r}\" />"));
        File.WriteAllText(Path.Combine(directory, $"Chatbot.{Path.GetFileName(folder)}.csproj"),
            $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{items}</ItemGroup></Project>");
        if (service)
        {
            File.WriteAllText(Path.Combine(directory, "Program.cs"), "");
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
