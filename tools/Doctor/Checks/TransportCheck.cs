using System.Globalization;
using System.Security.Authentication;
using System.Text.RegularExpressions;

namespace Chatbot.Doctor.Checks;

/// <summary>HTTPS with a valid certificate, HSTS of at least 180 days, and http:// answering a redirect to https://.</summary>
public sealed partial class TransportCheck : IDoctorCheck
{
    public const int MinimumHstsSeconds = 15_552_000; // 180 days

    public static readonly ScorecardRow Https = new("https", "HTTPS with a valid certificate",
        "Serve the origin over HTTPS only (a TLS-terminating proxy or Kestrel with a certificate from a public CA).");

    public static readonly ScorecardRow Hsts = new("hsts", "HSTS (Strict-Transport-Security, max-age >= 180 days)",
        "Send Strict-Transport-Security: max-age=31536000; includeSubDomains (app.UseHsts() outside Development, or at the proxy).");

    public static readonly ScorecardRow Redirect = new("http-redirect", "http:// redirects to https://",
        "Answer every http:// request with 301/308 to the same path on https:// (app.UseHttpsRedirection() or at the proxy).");

    public IReadOnlyList<ScorecardRow> Rows => [Https, Hsts, Redirect];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var target = context.Options.Target;
        if (target.Scheme != Uri.UriSchemeHttps)
        {
            const string plain = "the origin is http://, so";
            return
            [
                CheckResult.Fail(Https, $"{target.GetLeftPart(UriPartial.Authority)} is plain http: passwords and tokens cross the network in clear"),
                CheckResult.CannotCheck(Hsts, $"{plain} no browser honours HSTS on it (a local system runs on http; check the deployed https origin)"),
                CheckResult.CannotCheck(Redirect, $"{plain} there is no https origin to redirect to (check the deployed https origin)"),
            ];
        }
        Answer page;
        try
        {
            page = await context.GetAsync("/", ct);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            return
            [
                CheckResult.Fail(Https, $"the TLS handshake failed: {e.InnerException.Message}"),
                CheckResult.CannotCheck(Hsts, "no HTTPS answer to read (the certificate was refused)"),
                await RedirectAsync(context, ct),
            ];
        }
        return [CheckResult.Pass(Https, $"GET / over HTTPS answered {page.Code} with a certificate this machine trusts"), HstsOf(page), await RedirectAsync(context, ct)];
    }

    private static CheckResult HstsOf(Answer page)
    {
        if (page.Header("Strict-Transport-Security") is not { } hsts)
        {
            return CheckResult.Fail(Hsts, "no Strict-Transport-Security header on GET /");
        }
        var match = MaxAge().Match(hsts);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return CheckResult.Fail(Hsts, $"Strict-Transport-Security has no max-age: '{hsts}'");
        }
        return seconds >= MinimumHstsSeconds
            ? CheckResult.Pass(Hsts, $"max-age={seconds} ({seconds / 86400} days)")
            : CheckResult.Fail(Hsts, $"max-age={seconds} is under 180 days");
    }

    private static async Task<CheckResult> RedirectAsync(DoctorContext context, CancellationToken ct)
    {
        var http = context.Options.HttpUrl ?? new UriBuilder(context.Options.Target) { Scheme = Uri.UriSchemeHttp, Port = 80 }.Uri;
        var probe = new Uri(http, "/doctor-redirect-probe?x=1");
        Answer answer;
        try
        {
            answer = await context.SendAsync(HttpMethod.Get, probe, ct);
        }
        catch (HttpRequestException e)
        {
            return CheckResult.Pass(Redirect, $"{http.GetLeftPart(UriPartial.Authority)} refuses connections ({e.HttpRequestError}): nothing is served over http");
        }
        if (answer.Code is 301 or 302 or 307 or 308 && answer.Location is { } location)
        {
            var to = location.IsAbsoluteUri ? location : new Uri(probe, location);
            return to.Scheme == Uri.UriSchemeHttps
                ? CheckResult.Pass(Redirect, $"http:// answered {answer.Code} to {to.GetLeftPart(UriPartial.Authority)}")
                : CheckResult.Fail(Redirect, $"http:// answered {answer.Code} to {to.GetLeftPart(UriPartial.Authority)}, not https");
        }
        return CheckResult.Fail(Redirect, $"GET {probe.GetLeftPart(UriPartial.Authority)}/… answered {answer.Code} over plain http instead of a redirect");
    }

    [GeneratedRegex(@"max-age\s*=\s*""?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAge();
}
