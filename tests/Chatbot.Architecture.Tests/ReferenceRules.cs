namespace Chatbot.Architecture.Tests;

/// <summary>
/// The reference rules of docs/architecture.md: no project under <c>services/</c> or <c>ServiceDefaults/</c> references
/// a service (a project with a Program.cs); Contracts references no project and no package; ServiceDefaults and the
/// libraries reference no service; a library references only Contracts and other libraries.
/// </summary>
public static class ReferenceRules
{
    /// <summary>The sibling libraries docs/architecture.md names; a new one is added there and here.</summary>
    public static readonly IReadOnlyList<string> SharedLibraries =
        ["Chatbot.Billing.Quotas", "Chatbot.Moderation.Detectors", "Chatbot.Outbox", "Chatbot.Simulator"];

    public static IReadOnlyList<ProjectFile> LoadProjects(string root) =>
        new[] { "services", "ServiceDefaults" }
            .Select(folder => System.IO.Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Select(ProjectFile.Load)
            .ToList();

    /// <summary>Every broken rule, one readable line each; empty when the tree follows them.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<ProjectFile> projects)
    {
        var byPath = projects.ToDictionary(p => p.Path);
        var violations = new List<string>();
        foreach (var project in projects)
        {
            if (project.Kind == ProjectKind.Contracts && (project.References.Count > 0 || project.PackageReferences > 0))
            {
                violations.Add($"{project.Name} (Contracts) must reference no project and no package");
            }
            foreach (var reference in project.References)
            {
                var target = byPath.GetValueOrDefault(reference);
                if (target is null)
                {
                    violations.Add($"{project.Name} references {reference}, outside services/ and ServiceDefaults/");
                }
                else if (target.Kind == ProjectKind.Service)
                {
                    violations.Add($"{project.Name} references the service {target.Name}: services share only Contracts, ServiceDefaults and libraries");
                }
                else if (project.Kind == ProjectKind.Library && target.Kind == ProjectKind.ServiceDefaults)
                {
                    violations.Add($"{project.Name} (library) references ServiceDefaults: a library stays free of hosting");
                }
            }
        }
        return violations;
    }
}
