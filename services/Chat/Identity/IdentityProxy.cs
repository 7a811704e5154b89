using Yarp.ReverseProxy.Configuration;

namespace Chatbot.Chat.Identity;

/// <summary>
/// The single public origin: identity's public routes are forwarded by YARP to <c>services:identity:http:0</c>.
/// YARP replaces X-Forwarded-For with the address chat saw (after chat's own trusted-proxy rules), so a client cannot
/// choose the IP identity rate-limits on. <c>/internal/*</c> is deliberately not forwarded.
/// </summary>
internal static class IdentityProxy
{
    public const string ClusterId = "identity";

    public static readonly string[] ForwardedPaths =
    [
        "/connect/{**rest}",
        "/.well-known/{**rest}",
        "/api/account/{**rest}",
        "/api/tenant/{**rest}",
        "/api/admin/tenants/{**rest}",
        "/api/admin/signing-keys/{**rest}",
    ];

    public static IReadOnlyList<RouteConfig> Routes() =>
        ForwardedPaths.Select((path, i) => new RouteConfig
        {
            RouteId = $"identity-{i}",
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = path },
        }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(Uri identity) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            Destinations = new Dictionary<string, DestinationConfig> { ["identity"] = new() { Address = identity.ToString() } },
        },
    ];
}
