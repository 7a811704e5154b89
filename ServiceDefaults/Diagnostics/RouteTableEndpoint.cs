using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/routes</c>: every endpoint of the running service (pattern, methods, auth, body type) as JSON, so
/// the security drills cover each route, including ones added later. Test-only: mapped when
/// <c>Diagnostics:ExposeRouteTable</c> is true and never in Production.
/// </summary>
public static class RouteTableEndpoint
{
    public const string Path = "/_diagnostics/routes";
    public const string EnabledKey = "Diagnostics:ExposeRouteTable";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsProduction() && configuration.GetValue<bool>(EnabledKey);

    public static void MapRouteTable(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (EndpointDataSource endpoints) => TypedResults.Ok(Describe(endpoints.Endpoints)))
            .AllowAnonymous().ExcludeFromDescription();

    public static List<RouteDescription> Describe(IEnumerable<Endpoint> endpoints) =>
    [
        .. endpoints.OfType<RouteEndpoint>().Select(e => new RouteDescription(
            e.RoutePattern.RawText ?? "",
            e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? [],
            e.DisplayName,
            e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0,
            [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()],
            e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).Any(IsJson))),
    ];

    private static bool IsJson(string contentType) => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
