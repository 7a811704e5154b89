namespace Chatbot.Doctor.Checks;

/// <summary>The page's security headers (no MIME sniffing, no framing, referrer policy) and a Content-Security-Policy without inline script.</summary>
public sealed class SecurityHeadersCheck : IDoctorCheck
{
    public static readonly ScorecardRow Headers = new("security-headers", "Security headers (nosniff, framing, referrer)",
        "Send X-Content-Type-Options: nosniff, X-Frame-Options: DENY (or CSP frame-ancestors 'none') and Referrer-Policy on every answer.");

    public static readonly ScorecardRow Csp = new("csp", "Content-Security-Policy without inline script or wildcards",
        "Send Content-Security-Policy: default-src 'none'; script-src 'self'; … with no 'unsafe-inline', 'unsafe-eval' or * in script-src.");

    public IReadOnlyList<ScorecardRow> Rows => [Headers, Csp];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var page = await context.GetAsync("/", ct);
        var csp = page.Header("Content-Security-Policy");
        return [HeadersOf(page, csp), CspOf(csp)];
    }

    private static CheckResult HeadersOf(Answer page, string? csp)
    {
        var missing = new List<string>();
        if (!string.Equals(page.Header("X-Content-Type-Options"), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            missing.Add("X-Content-Type-Options: nosniff");
        }
        if (page.Header("X-Frame-Options") is null && csp?.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase) != true)
        {
            missing.Add("X-Frame-Options or CSP frame-ancestors");
        }
        if (page.Header("Referrer-Policy") is null)
        {
            missing.Add("Referrer-Policy");
        }
        return missing.Count == 0
            ? CheckResult.Pass(Headers, "nosniff, framing and referrer policy are set on GET /")
            : CheckResult.Fail(Headers, $"GET / ({page.Code}) lacks {string.Join(", ", missing)}");
    }

    private static CheckResult CspOf(string? csp)
    {
        if (csp is null)
        {
            return CheckResult.Fail(Csp, "no Content-Security-Policy header on GET /");
        }
        var directives = csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(d => d.Length > 0)
            .GroupBy(d => d[0].ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().Skip(1).ToArray());
        var script = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        if (script is null)
        {
            return CheckResult.Fail(Csp, "the policy has neither script-src nor default-src: any script may run");
        }
        var weak = script.Where(s => s is "*" or "'unsafe-inline'" or "'unsafe-eval'" or "http:" or "https:" or "data:").ToList();
        return weak.Count == 0
            ? CheckResult.Pass(Csp, $"script-src {string.Join(' ', script)}")
            : CheckResult.Fail(Csp, $"script-src allows {string.Join(", ", weak)}");
    }
}
