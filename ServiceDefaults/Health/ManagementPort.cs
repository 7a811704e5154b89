using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Chatbot.ServiceDefaults.Health;

/// <summary>
/// <c>Management:Port</c>: when set, <c>/health</c>, <c>/alive</c> and <c>/metrics</c> are served on that port only and
/// that port serves nothing else, so a public origin neither shows its metrics nor lets anyone run every dependency
/// check. The port is told by the connection's local port, never by the <c>Host</c> header a client chooses.
/// Unset (development, the AppHost), they stay on the service's own port.
/// </summary>
public static class ManagementPort
{
    public const string ConfigurationKey = "Management:Port";

    public static int? From(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{ConfigurationKey}: '{value}' is not a TCP port (1 to 65535).");
        }
        return port;
    }

    /// <summary>
    /// Listens on the management port as well as on the service's own addresses: <c>ASPNETCORE_URLS</c>, else
    /// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, else Kestrel's default (what Kestrel would have used alone).
    /// </summary>
    public static void Listen(IWebHostBuilder webHost, int port)
    {
        var urls = webHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = string.Join(';', UrlsOf(webHost, WebHostDefaults.HttpPortsKey, "http").Concat(UrlsOf(webHost, WebHostDefaults.HttpsPortsKey, "https")));
        }
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = "http://localhost:5000";
        }
        webHost.UseSetting(WebHostDefaults.ServerUrlsKey, $"{urls};http://*:{port}");
    }

    /// <summary>Answers 404 to a management path on another port and to any other path on the management port.</summary>
    public static void Separate(IApplicationBuilder app, int port, Func<PathString, bool> isManagementPath) =>
        app.Use((context, next) =>
        {
            if (isManagementPath(context.Request.Path) == (context.Connection.LocalPort == port))
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    private static IEnumerable<string> UrlsOf(IWebHostBuilder webHost, string key, string scheme) =>
        (webHost.GetSetting(key) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"{scheme}://*:{p}");
}
