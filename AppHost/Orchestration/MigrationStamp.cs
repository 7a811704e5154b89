using Chatbot.AppHost.Hosting;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// Remembers, in the state folder, which build of a service last migrated that folder's databases, so a warm start
/// skips the <c>--migrate</c> run when nothing was rebuilt. <c>--fresh</c> wipes the stamps with the data.
/// </summary>
public sealed class MigrationStamp(string stateDirectory)
{
    private string PathOf(ProjectResource service) => Path.Combine(stateDirectory, "migrations", $"{service.Name}.stamp");

    public bool IsCurrent(ProjectResource service) =>
        File.Exists(PathOf(service)) && File.ReadAllText(PathOf(service)) == Fingerprint(service);

    public void Record(ProjectResource service)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(service))!);
        File.WriteAllText(PathOf(service), Fingerprint(service));
    }

    /// <summary>The newest assembly in the service's output folder (migrations are compiled into those assemblies).</summary>
    public static string Fingerprint(ProjectResource service)
    {
        var folder = Path.GetDirectoryName(service.Project.AssemblyPath)!;
        var newest = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.dll").Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max()
            : default;
        return $"{service.Project.AssemblyPath}|{newest:O}";
    }
}
