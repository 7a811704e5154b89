using System.Text.RegularExpressions;
using Chatbot.Moderation.Detectors.Pii.Secrets;

namespace Chatbot.Doctor.Checks;

/// <summary>
/// The served page and every same-origin script it loads, scanned with moderation's secret detectors
/// (<see cref="SecretScanner"/>: provider keys, tokens, private keys, connection strings). Reports the rule and the
/// file, never the value.
/// </summary>
public sealed partial class SecretsInPageCheck : IDoctorCheck
{
    public const int MaxScripts = 30;

    public static readonly ScorecardRow Secrets = new("secrets-in-page", "No secrets in the served page and scripts",
        "Remove the key from the client bundle, rotate it at the provider, and call the provider from the server only.");

    /// <summary>
    /// HTML autocomplete keywords: in a page's script <c>password' : 'current-password'</c> is an input's attribute value,
    /// which the generic password-assignment rule would otherwise report.
    /// </summary>
    public static readonly IReadOnlySet<string> AutocompleteTokens = new HashSet<string>(StringComparer.Ordinal)
    {
        "current-password", "new-password", "one-time-code",
    };

    public IReadOnlyList<ScorecardRow> Rows => [Secrets];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var page = await context.GetAsync("/", ct);
        if (page.Code != 200)
        {
            return [CheckResult.CannotCheck(Secrets, $"GET / answered {page.Code}: no page to scan", "Serve the page, then run the doctor again.")];
        }
        var files = new List<(string Name, string Text)> { ("/", page.Body) };
        foreach (var script in ScriptsOf(page.Body, context.Options.Target).Take(MaxScripts))
        {
            var answer = await context.SendAsync(HttpMethod.Get, script, ct);
            if (answer.Code == 200)
            {
                files.Add((script.AbsolutePath, answer.Body));
            }
        }
        var found = files.SelectMany(f => SecretScanner.Scan(f.Text)
                .Where(m => !AutocompleteTokens.Contains(f.Text.Substring(m.Start, m.Length)))
                .Select(m => $"{m.Rule} in {f.Name}"))
            .Distinct().ToList();
        return found.Count == 0
            ? [CheckResult.Pass(Secrets, $"{files.Count} files scanned ({string.Join(", ", files.Select(f => f.Name))}), no secret")]
            : [CheckResult.Fail(Secrets, $"secrets served to every visitor: {string.Join("; ", found)}")];
    }

    /// <summary>Same-origin <c>&lt;script src&gt;</c> and module preloads of <paramref name="html"/>.</summary>
    public static IEnumerable<Uri> ScriptsOf(string html, Uri origin) =>
        ScriptSource().Matches(html)
            .Select(m => Uri.TryCreate(origin, m.Groups["src"].Value, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(uri => uri.Scheme is "http" or "https" && uri.Authority == origin.Authority)
            .DistinctBy(uri => uri.AbsoluteUri);

    [GeneratedRegex("""<(?:script[^>]*\ssrc|link[^>]*rel=["']?modulepreload["']?[^>]*\shref)\s*=\s*["'](?<src>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
