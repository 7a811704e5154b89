using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Chatbot.Chat.Moderation;

/// <summary>
/// YARP routes of the moderation API through chat's origin: <c>/api/moderations</c> and <c>/api/moderation/*</c>
/// (review queue) go to <c>services:moderation:http:0</c> with the caller's bearer token. A second config provider
/// beside identity's (YARP merges providers).
/// </summary>
public sealed class ModerationProxyConfig(Uri moderation) : IProxyConfigProvider, IProxyConfig
{
    public const string ClusterId = "moderation";

    public IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new() { RouteId = "moderation-api", ClusterId = ClusterId, Match = new RouteMatch { Path = "/api/moderations" } },
        new() { RouteId = "moderation-reviews", ClusterId = ClusterId, Match = new RouteMatch { Path = "/api/moderation/{**rest}" } },
    ];

    public IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        new()
        {
            ClusterId = ClusterId,
            Destinations = new Dictionary<string, DestinationConfig> { ["moderation"] = new() { Address = moderation.ToString() } },
        },
    ];

    public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);

    public IProxyConfig GetConfig() => this;
}
