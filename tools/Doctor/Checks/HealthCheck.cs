using System.Text.Json;

namespace Chatbot.Doctor.Checks;

/// <summary><c>/health</c> (every dependency) and <c>/alive</c> answer 200 on the origin, or on <c>--management-url</c>.</summary>
public sealed class HealthCheck : IDoctorCheck
{
    public static readonly ScorecardRow Health = new("health", "Health endpoints answer (/health, /alive)",
        "Map /health and /alive (MapDefaultEndpoints) and point the load balancer's and Kubernetes' probes at them.");

    public IReadOnlyList<ScorecardRow> Rows => [Health];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var baseUrl = context.Options.ManagementUrl ?? context.Options.Target;
        var health = await context.SendAsync(HttpMethod.Get, new Uri(baseUrl, "/health"), ct);
        var alive = await context.SendAsync(HttpMethod.Get, new Uri(baseUrl, "/alive"), ct);
        var where = baseUrl.GetLeftPart(UriPartial.Authority);
        if (health.Code == 404 && alive.Code == 404 && context.Options.ManagementUrl is null)
        {
            return [CheckResult.CannotCheck(Health, $"{where} serves neither /health nor /alive (a management port keeps them off the public origin)",
                "Run the doctor with --management-url http://<host>:<management port> from where the probes run.")];
        }
        if (health.Code == 200 && alive.Code == 200)
        {
            return [CheckResult.Pass(Health, $"{where}/health and /alive answered 200")];
        }
        return [CheckResult.Fail(Health, $"{where}/health answered {health.Code}{Unhealthy(health)}, /alive answered {alive.Code}",
            "Restore the failing dependency named above; a probe that fails takes the instance out of the load balancer.")];
    }

    private static string Unhealthy(Answer health)
    {
        try
        {
            using var json = JsonDocument.Parse(health.Body);
            var failing = json.RootElement.GetProperty("checks").EnumerateArray()
                .Where(c => c.GetProperty("status").GetString() != "Healthy").Select(c => c.GetProperty("name").GetString()).ToList();
            return failing.Count == 0 ? "" : $" (failing: {string.Join(", ", failing)})";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "";
        }
    }
}
