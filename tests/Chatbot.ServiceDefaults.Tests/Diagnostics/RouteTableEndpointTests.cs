using System.Net;
using System.Net.Http.Json;
using Chatbot.ServiceDefaults.Diagnostics;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chatbot.ServiceDefaults.Tests.Diagnostics;

public sealed class RouteTableEndpointTests
{
    private static readonly Dictionary<string, string?> Enabled = new() { [RouteTableEndpoint.EnabledKey] = "true" };

    [Fact]
    public async Task Outside_Production_the_enabled_export_lists_the_service_routes()
    {
        await using var app = await TestApp.StartAsync(
            b => b.Environment.EnvironmentName = "Testing",
            a => a.MapPost("/api/things", (Thing thing) => TypedResults.Ok(thing)),
            Enabled);

        var routes = await app.Client.GetFromJsonAsync<List<RouteDescription>>(RouteTableEndpoint.Path);

        var things = Assert.Single(routes!, r => r.Pattern == "/api/things");
        Assert.Equal(["POST"], things.Methods);
        Assert.True(things.AcceptsJson);
    }

    [Fact]
    public async Task Production_never_exposes_the_route_table_even_when_configured()
    {
        await using var app = await TestApp.StartAsync(settings: Enabled);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(RouteTableEndpoint.Path)).StatusCode);
    }

    public sealed record Thing(string Name);
}
