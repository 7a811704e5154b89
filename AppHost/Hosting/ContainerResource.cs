namespace Chatbot.AppHost.Hosting;

/// <summary>A resource that can run as a container image (in container mode, and in the deployment manifest).</summary>
public class ContainerResource(string name, string image, string tag, int targetPort, string scheme) : Resource(name)
{
    public string Image { get; } = image;
    public string Tag { get; } = tag;
    public int TargetPort { get; } = targetPort;

    /// <summary>The binding scheme in the manifest (<c>tcp</c>).</summary>
    public string Scheme { get; } = scheme;

    /// <summary>Container environment; values may be manifest expressions such as <c>{postgres-password.value}</c>.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public List<string> Args { get; } = [];

    /// <summary>Path inside the container that holds the data (mounted from the state folder).</summary>
    public string? DataPath { get; protected set; }
}
