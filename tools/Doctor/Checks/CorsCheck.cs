namespace Chatbot.Doctor.Checks;

/// <summary>A foreign Origin is neither reflected nor answered with <c>*</c>, on a plain request or a preflight of the API.</summary>
public sealed class CorsCheck : IDoctorCheck
{
    public const string ForeignOrigin = "https://doctor-foreign-origin.example";

    public static readonly ScorecardRow Cors = new("cors", "CORS: a foreign origin is not allowed",
        "Allow only your own origins (AddCors with WithOrigins(...)); never reflect the request's Origin or answer Access-Control-Allow-Origin: *.");

    public IReadOnlyList<ScorecardRow> Rows => [Cors];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var origin = new Dictionary<string, string> { ["Origin"] = ForeignOrigin };
        var preflight = new Dictionary<string, string>(origin)
        {
            ["Access-Control-Request-Method"] = "POST",
            ["Access-Control-Request-Headers"] = "authorization, content-type",
        };
        var probes = new (string What, Answer Answer)[]
        {
            ("GET /", await context.SendAsync(HttpMethod.Get, context.Url("/"), ct, headers: origin)),
            ("GET /api/me", await context.SendAsync(HttpMethod.Get, context.Url("/api/me"), ct, headers: origin)),
            ("preflight of POST /api/conversations", await context.SendAsync(HttpMethod.Options, context.Url("/api/conversations"), ct, headers: preflight)),
        };
        var allowed = probes
            .Select(p => (p.What, Allowed: p.Answer.Header("Access-Control-Allow-Origin"), Credentials: p.Answer.Header("Access-Control-Allow-Credentials")))
            .Where(p => p.Allowed is "*" || string.Equals(p.Allowed, ForeignOrigin, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.What} answered Access-Control-Allow-Origin: {p.Allowed}{(p.Credentials is null ? "" : $" with credentials {p.Credentials}")}")
            .ToList();
        return allowed.Count == 0
            ? [CheckResult.Pass(Cors, $"Origin {ForeignOrigin} was not allowed on {probes.Length} requests")]
            : [CheckResult.Fail(Cors, string.Join("; ", allowed))];
    }
}
