using System.Text.Json;

namespace Chatbot.Doctor.Checks;

/// <summary>
/// The private routes of a deployment: every operation of the origin's published API description
/// (<c>/openapi/v1.json</c>) except the ones anonymous by design, plus the backends' routes chat forwards (identity,
/// moderation, billing publish no description of their own). The forwarded list is the security drills' route
/// catalog (tests/Chatbot.SecurityDrills/Routes/RouteCatalog.cs) restricted to signed-in routes;
/// Chatbot.Doctor.Tests compares it with the running backends' route tables, so a new backend route cannot be missed.
/// </summary>
public static class PublishedRoutes
{
    public const string DescriptionPath = "/openapi/v1.json";

    /// <summary>Operations of the description that are anonymous by design (each one is in RouteCatalog as Public).</summary>
    public static readonly IReadOnlySet<string> AnonymousByDesign = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /api/account/export/{id}/download", // the signed, expiring download link (403 problem without a valid one)
    };

    /// <summary>
    /// Signed-in routes of identity, moderation and billing that chat's proxy forwards. The kill switch's POST/DELETE and
    /// the signing-key rotation act without a body, so only their group's GET is probed (same group, same policy).
    /// </summary>
    public static readonly IReadOnlyList<string> Forwarded =
    [
        "POST /api/account/delete", "GET /api/tenant", "GET /api/tenant/members", "POST /api/tenant/invitations",
        "POST /api/tenant/api-keys", "GET /api/tenant/api-keys", "DELETE /api/tenant/api-keys/{id}",
        "GET /api/admin/tenants", "PUT /api/admin/tenants/{id}/tier", "DELETE /api/tenant/users/{id}", "DELETE /api/admin/tenants/{id}",
        "GET /api/erasures/{id}",
        "POST /api/moderations", "GET /api/moderation/reviews", "GET /api/moderation/policy", "PUT /api/moderation/policy",
        "POST /api/moderation/reviews/{id}/approve", "POST /api/moderation/reviews/{id}/reject",
        "PUT /api/billing/alerts", "GET /api/usage", "GET /api/usage/users", "GET /api/usage/export",
        "GET /api/billing/prices", "POST /api/billing/prices", "GET /api/billing/plans", "PUT /api/billing/plans/{tier}",
        "PUT /api/billing/tenants/{tenantId}", "PUT /api/billing/tenants/{tenantId}/users/{userId}", "GET /api/billing/kill-switch",
    ];

    /// <summary>The forwarded list plus every operation of <paramref name="description"/> (null when none is published).</summary>
    public static IReadOnlyList<PrivateRoute> From(JsonElement? description)
    {
        var routes = new Dictionary<string, PrivateRoute>(StringComparer.Ordinal);
        foreach (var entry in Forwarded)
        {
            var (method, template) = (entry[..entry.IndexOf(' ')], entry[(entry.IndexOf(' ') + 1)..]);
            Add(routes, new PrivateRoute(method, template, "forwarded backend route", new HashSet<string>()));
        }
        if (description is { } doc && doc.TryGetProperty("paths", out var paths))
        {
            foreach (var path in paths.EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Name != "parameters"))
                {
                    var route = new PrivateRoute(operation.Name.ToUpperInvariant(), path.Name, DescriptionPath, IntegerParameters(operation.Value));
                    if (!AnonymousByDesign.Contains(route.Key))
                    {
                        Add(routes, route);
                    }
                }
            }
        }
        return [.. routes.Values];
    }

    private static void Add(Dictionary<string, PrivateRoute> routes, PrivateRoute route) => routes.TryAdd(route.Key, route);

    private static HashSet<string> IntegerParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array
            ? [.. parameters.EnumerateArray()
                .Where(p => p.TryGetProperty("schema", out var s) && s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    && t.GetString() is "integer" or "number")
                .Select(p => p.GetProperty("name").GetString()!)]
            : [];
}
