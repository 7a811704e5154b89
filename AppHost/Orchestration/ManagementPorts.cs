using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// Every service gets a management port (<c>Management__Port</c>): /metrics, /health and /alive are served there only,
/// never on the service's own port, as in Kubernetes. Default: the service's port + 4000 (chat 5080 → 9080); a free port
/// in tests; <c>--port &lt;service&gt;-management=&lt;port&gt;</c> overrides it.
/// </summary>
public static class ManagementPorts
{
    public const int Offset = 4000;

    public static string NameOf(string service) => $"{service}-management";

    public static IReadOnlyDictionary<string, int> Allocate(PortAllocator ports, IEnumerable<ProjectResource> services, IReadOnlyDictionary<string, int> overrides) =>
        services.ToDictionary(s => s.Name, s => ports.Allocate(NameOf(s.Name), s.DefaultPort + Offset, overrides));

    public static Uri Endpoint(int port) => new($"http://localhost:{port}");
}
