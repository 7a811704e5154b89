using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Routes;

/// <summary>
/// The classification of one route: its <see cref="Access"/>, why, a valid JSON body (so validation cannot answer
/// before the ownership check does) and the value of each route parameter taken from tenant A's resources.
/// </summary>
public sealed record RouteRule(Access Access, string Why, string? Body = null, Func<TenantAWorld, string, string>? Argument = null)
{
    /// <summary>The handler parses a JSON body itself (no accepts metadata in the route table): fuzz it anyway.</summary>
    public bool ReadsJsonItself { get; init; }

    /// <summary>Errors are not problem details but another protocol's shape (the simulator answers as OpenAI does).</summary>
    public bool ForeignErrorFormat { get; init; }

    /// <summary>The path of <paramref name="route"/> naming tenant A's resource.</summary>
    public string PathFor(ServiceRoute route, TenantAWorld a) =>
        route.PathWith(name => Argument?.Invoke(a, name) ?? throw new InvalidOperationException($"{route}: no value for {{{name}}}"));

    /// <summary>The same path with a random id in place of each guid (a resource that does not exist).</summary>
    public string PathWithRandomIds(ServiceRoute route, TenantAWorld a) =>
        route.PathWith(name => Argument?.Invoke(a, name) is { } value && Guid.TryParse(value, out _) ? Guid.NewGuid().ToString() : Argument?.Invoke(a, name) ?? "x");
}
