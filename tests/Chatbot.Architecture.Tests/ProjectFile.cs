using System.Xml.Linq;

namespace Chatbot.Architecture.Tests;

/// <summary>One csproj under <c>services/</c> or <c>ServiceDefaults/</c>: its kind and the projects it references (full paths).</summary>
public sealed record ProjectFile(string Path, ProjectKind Kind, IReadOnlyList<string> References, int PackageReferences)
{
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public static ProjectFile Load(string path)
    {
        var document = XDocument.Load(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var references = document.Descendants("ProjectReference")
            .Select(r => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, r.Attribute("Include")!.Value.Replace('\\', '/'))))
            .ToList();
        return new ProjectFile(System.IO.Path.GetFullPath(path), KindOf(directory), references,
            document.Descendants("PackageReference").Count());
    }

    /// <summary>A service runs (it has a Program.cs); Contracts, ServiceDefaults and the sibling libraries are shared.</summary>
    private static ProjectKind KindOf(string directory) =>
        System.IO.Path.GetFileName(directory) switch
        {
            "Contracts" => ProjectKind.Contracts,
            "ServiceDefaults" => ProjectKind.ServiceDefaults,
            _ when File.Exists(System.IO.Path.Combine(directory, "Program.cs")) => ProjectKind.Service,
            _ => ProjectKind.Library,
        };
}
