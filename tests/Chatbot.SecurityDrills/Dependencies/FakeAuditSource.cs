using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatbot.SecurityDrills.Dependencies;

/// <summary>
/// A NuGet audit source on loopback: a V3 service index with only a <c>VulnerabilityInfo/6.7.0</c> resource, whose data
/// says Newtonsoft.Json below 13.0.1 has advisory <see cref="Advisory"/> (as nuget.org's does), so restore and
/// <c>dotnet list package --vulnerable</c> see a known vulnerability without depending on nuget.org's feed.
/// </summary>
internal sealed class FakeAuditSource : IAsyncDisposable
{
    public const string Advisory = "https://github.com/advisories/GHSA-5crp-9r3c-p9vr";
    public const string VulnerablePackage = "Newtonsoft.Json";
    public const string VulnerableVersion = "12.0.1";

    private WebApplication _app = null!;

    public string IndexUrl { get; private set; } = "";

    public static async Task<FakeAuditSource> StartAsync()
    {
        var source = new FakeAuditSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v3/index.json", (HttpContext c) => Results.Json(new
        {
            version = "3.0.0",
            resources = new[] { new Dictionary<string, string> { ["@id"] = Base(c) + "/v3/vulnerability/index.json", ["@type"] = "VulnerabilityInfo/6.7.0" } },
        }));
        app.MapGet("/v3/vulnerability/index.json", (HttpContext c) => Results.Json(new[]
        {
            new Dictionary<string, string> { ["@name"] = "base", ["@id"] = Base(c) + "/v3/vulnerability/base.json", ["@updated"] = "2026-12-01T00:00:00Z" },
            new Dictionary<string, string> { ["@name"] = "update", ["@id"] = Base(c) + "/v3/vulnerability/update.json", ["@updated"] = "2026-12-01T00:00:00Z" },
        }));
        app.MapGet("/v3/vulnerability/base.json", () => Results.Json(new Dictionary<string, object>
        {
            ["newtonsoft.json"] = new[] { new { severity = 2, url = Advisory, versions = "(, 13.0.1)" } },
        }));
        app.MapGet("/v3/vulnerability/update.json", () => Results.Json(new Dictionary<string, object>()));
        await app.StartAsync();
        source._app = app;
        source.IndexUrl = app.Urls.First() + "/v3/index.json";
        return source;
    }

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
