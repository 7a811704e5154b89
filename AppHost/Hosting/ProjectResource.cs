namespace Chatbot.AppHost.Hosting;

/// <summary>One of our .NET services, run from its built output with an http endpoint on <see cref="DefaultPort"/>.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project, int defaultPort) : Resource(name)
{
    public IProjectMetadata Project { get; } = project;
    public int DefaultPort { get; } = defaultPort;

    /// <summary>Databases this service owns: migrations run with <c>--migrate</c> before it starts.</summary>
    public IEnumerable<PostgresDatabaseResource> Databases => References.OfType<PostgresDatabaseResource>();

    /// <summary>Extra variables declared in the topology (Aspire's <c>WithEnvironment</c>); also written to the manifest.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>
    /// Variables holding a path inside the AppHost's state folder (development files such as the generated bootstrap
    /// admin password or the mail pickup folder). Resolved per run; not written to the manifest.
    /// </summary>
    public Dictionary<string, string> StatePaths { get; } = [];

    /// <summary>
    /// Variables holding a generated secret (Aspire's <c>WithEnvironment(name, parameter)</c>): the value is the
    /// installation's generated password of that parameter; the manifest gets <c>{parameter.value}</c>.
    /// </summary>
    public Dictionary<string, ParameterResource> Secrets { get; } = [];

    /// <summary>The OS scheduling niceness the AppHost starts it with (0 = as the AppHost itself; see <c>WithSchedulingNiceness</c>).</summary>
    public int Niceness { get; set; }

    /// <summary>Reachable from outside (Aspire's <c>WithExternalHttpEndpoints()</c>): chat, the one public origin.</summary>
    public bool ExternalHttpEndpoints { get; set; }

    public IEnumerable<ProjectResource> ServiceReferences => References.OfType<ProjectResource>();
}
