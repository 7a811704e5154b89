using Yarp.ReverseProxy.Configuration;

namespace Chatbot.Chat.Billing;

/// <summary>Billing's public routes through the single origin: YARP forwards them (with the bearer token) to <c>services:billing:http:0</c>.</summary>
internal static class BillingProxy
{
    public const string ClusterId = "billing";

    public static readonly string[] ForwardedPaths = ["/api/usage", "/api/usage/{**rest}", "/api/billing/{**rest}"];

    public static IReadOnlyList<RouteConfig> Routes() =>
        ForwardedPaths.Select((path, i) => new RouteConfig { RouteId = $"billing-{i}", ClusterId = ClusterId, Match = new RouteMatch { Path = path } }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(Uri billing) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            Destinations = new Dictionary<string, DestinationConfig> { ["billing"] = new() { Address = billing.ToString() } },
        },
    ];
}
