using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Routes;

/// <summary>Reads every service's route table from its test-only export (<c>/_diagnostics/routes</c>).</summary>
public static class RouteTable
{
    public const string ExportPath = "/_diagnostics/routes";

    public static async Task<IReadOnlyList<ServiceRoute>> ReadAsync(SecuritySystemFixture system)
    {
        var routes = new List<ServiceRoute>();
        foreach (var service in SecuritySystemFixture.Services)
        {
            using var client = system.Anonymous(service);
            var rows = await client.GetFromJsonAsync<JsonElement>(ExportPath);
            foreach (var row in rows.EnumerateArray())
            {
                var methods = row.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToArray();
                foreach (var method in methods.Length == 0 ? ["*"] : methods)
                {
                    routes.Add(new ServiceRoute(service, method, row.GetProperty("pattern").GetString()!,
                        row.GetProperty("displayName").GetString(), row.GetProperty("requiresAuthorization").GetBoolean(),
                        [.. row.GetProperty("policies").EnumerateArray().Select(p => p.GetString()!)],
                        row.GetProperty("acceptsJson").GetBoolean()));
                }
            }
        }
        return routes;
    }
}
