using System.Text.Json;

namespace Chatbot.Doctor.Checks;

/// <summary>Every private route (<see cref="PublishedRoutes"/>) answers an anonymous caller 401 or 403.</summary>
public sealed class PrivateRoutesCheck : IDoctorCheck
{
    public static readonly ScorecardRow PrivateRoutes = new("private-routes", "Every private route refuses anonymous callers",
        "Put RequireAuthorization() on the route's group (or a fallback policy that requires an authenticated user).");

    public IReadOnlyList<ScorecardRow> Rows => [PrivateRoutes];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var description = await DescriptionAsync(context, ct);
        var routes = PublishedRoutes.From(description);
        var open = new System.Collections.Concurrent.ConcurrentBag<string>();
        var unknown = new System.Collections.Concurrent.ConcurrentBag<string>();
        var refused = 0;
        await Parallel.ForEachAsync(routes, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (route, token) =>
        {
            // Not JSON: should a route be open after all, its body binding fails instead of acting.
            var answer = await context.SendAsync(new HttpMethod(route.Method), context.Url(route.Path()), token,
                jsonBody: route.Method is "GET" or "DELETE" ? null : "doctor: not json");
            switch (answer.Code)
            {
                case 401 or 403: Interlocked.Increment(ref refused); break;
                case 404 or 405 when route.Source != PublishedRoutes.DescriptionPath: Interlocked.Increment(ref refused); break; // not forwarded here
                case 429 or 502 or 503 or 504: unknown.Add($"{route.Key} ({answer.Code})"); break;
                default: open.Add($"{route.Key} answered {answer.Code}"); break;
            }
        });
        var source = description is null
            ? $"no API description at {PublishedRoutes.DescriptionPath}; {routes.Count} forwarded backend routes"
            : $"{routes.Count} routes ({PublishedRoutes.DescriptionPath} and the forwarded backend routes)";
        if (open.Count > 0)
        {
            return [CheckResult.Fail(PrivateRoutes, $"{open.Count} of {source} answered an anonymous caller: {string.Join("; ", open.Order())}")];
        }
        return unknown.Count > 0
            ? [CheckResult.CannotCheck(PrivateRoutes, $"{unknown.Count} routes gave no verdict: {string.Join(", ", unknown.Order())}",
                "Run again once the origin answers (a 429 means a rate limit was reached: wait for its window).")]
            : [CheckResult.Pass(PrivateRoutes, $"{refused} of {source} refused an anonymous caller")];
    }

    private static async Task<JsonElement?> DescriptionAsync(DoctorContext context, CancellationToken ct)
    {
        var answer = await context.GetAsync(PublishedRoutes.DescriptionPath, ct);
        if (answer.Code != 200)
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
