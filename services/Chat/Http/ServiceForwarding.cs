using Yarp.ReverseProxy.Configuration;

namespace Chatbot.Chat.Http;

/// <summary>
/// Chat is the single public origin: each backend's public routes are forwarded by YARP (with the caller's bearer token)
/// to the service's Aspire endpoint. Every backend adds one config provider; YARP merges them. <c>AddReverseProxy()</c>
/// and <c>MapReverseProxy()</c> run once, in chat's identity wiring.
/// </summary>
public static class ServiceForwarding
{
    public static IServiceCollection ForwardToService(this IServiceCollection services, string service, Uri destination, params string[] paths)
    {
        var routes = paths.Select((path, i) => new RouteConfig
        {
            RouteId = $"{service}-{i}",
            ClusterId = service,
            Match = new RouteMatch { Path = path },
        }).ToList();
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = service,
                Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = destination.ToString() } },
            },
        ];
        return services.AddSingleton<IProxyConfigProvider>(new InMemoryConfigProvider(routes, clusters));
    }
}
