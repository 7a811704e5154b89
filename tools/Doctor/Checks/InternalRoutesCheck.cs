namespace Chatbot.Doctor.Checks;

/// <summary><c>/metrics</c> and the service-to-service routes are not answered on the public origin.</summary>
public sealed class InternalRoutesCheck : IDoctorCheck
{
    public static readonly ScorecardRow Metrics = new("metrics-not-public", "/metrics is not public",
        "Serve /metrics on a management port only (Management:Port), or block it at the proxy.");

    public static readonly ScorecardRow Internal = new("internal-routes-not-public", "Internal routes are not public",
        "Do not forward /internal/*, /_diagnostics/* or the simulator routes from the public origin; keep Diagnostics:ExposeRouteTable off.");

    /// <summary>Service-to-service and test-only routes of the services (RouteCatalog's Internal and the route export).</summary>
    public static readonly IReadOnlyList<(string Method, string Path)> InternalRoutes =
    [
        ("POST", "/internal/api-keys/verify"), ("GET", $"/internal/accounts/{Guid.Empty}"), ("GET", "/_diagnostics/routes"),
        ("POST", "/simulators/primary/v1/chat/completions"),
    ];

    public IReadOnlyList<ScorecardRow> Rows => [Metrics, Internal];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var metrics = await context.GetAsync("/metrics", ct);
        var exposed = metrics.Code == 200 && (metrics.Body.Contains("# TYPE ", StringComparison.Ordinal) || metrics.Body.Contains("# HELP ", StringComparison.Ordinal));
        var metricsRow = exposed
            ? CheckResult.Fail(Metrics, "GET /metrics answered 200 with Prometheus text to an anonymous caller")
            : CheckResult.Pass(Metrics, $"GET /metrics answered {metrics.Code} without metrics");
        var open = new List<string>();
        foreach (var (method, path) in InternalRoutes)
        {
            var answer = await context.SendAsync(new HttpMethod(method), context.Url(path), ct, jsonBody: method == "GET" ? null : "{}");
            if (answer.Code is not (401 or 403 or 404 or 405))
            {
                open.Add($"{method} {path} answered {answer.Code}");
            }
        }
        var internalRow = open.Count == 0
            ? CheckResult.Pass(Internal, $"{InternalRoutes.Count} internal routes answered 401/403/404")
            : CheckResult.Fail(Internal, string.Join("; ", open));
        return [metricsRow, internalRow];
    }
}
