using System.Net;
using Chatbot.Moderation.Detectors.Pii.Secrets;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>
/// Finds personal data (e-mail, phone, payment card, IBAN, US SSN, IP address) and secrets (<see cref="SecretRules"/>:
/// provider keys, private keys, JWTs, connection strings, key assignments) in clean text. Candidates are validated
/// (Luhn, IBAN registry + mod 97, SSN ranges, address parsing, libphonenumber, placeholder and entropy checks) so
/// look-alikes are not reported. Findings never overlap; earlier (more specific) kinds win.
/// </summary>
public static class PiiDetector
{
    public static IReadOnlyList<Finding> Detect(string clean) => Detect(clean, null);

    /// <param name="clean">Normalised text.</param>
    /// <param name="phoneRegions">The tenant's regions (ISO 3166 codes) tried first for national phone numbers.</param>
    public static IReadOnlyList<Finding> Detect(string clean, IReadOnlyList<string>? phoneRegions)
    {
        var findings = new List<Finding>();
        foreach (var secret in SecretScanner.Scan(clean))
        {
            findings.Add(new Finding(ModerationCategories.Secret, secret.Kind, 1.0, secret.Start, secret.Length));
        }
        Add(findings, PiiKinds.Email, PiiPatterns.Email().Matches(clean).Select(m => (m.Index, m.Length)));
        Add(findings, PiiKinds.Iban, IbanFinder.Find(clean));
        Add(findings, PiiKinds.Card, PaymentCards.Find(clean));
        Add(findings, PiiKinds.Ssn, PiiPatterns.Ssn().Matches(clean).Select(m => (m.Index, m.Length)));
        Add(findings, PiiKinds.IpAddress, PiiPatterns.IPv4().Matches(clean).Select(m => (m.Index, m.Length)));
        Add(findings, PiiKinds.IpAddress, PiiPatterns.IPv6().Matches(clean).Where(m => IsIPv6(m.Value)).Select(m => (m.Index, m.Length)));
        Add(findings, PiiKinds.Phone, PhoneDetector.Find(clean, phoneRegions));
        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return findings;
    }

    private static void Add(List<Finding> findings, string kind, IEnumerable<(int Start, int Length)> spans)
    {
        foreach (var (start, length) in spans)
        {
            if (!findings.Exists(f => start < f.Start + f.Length && f.Start < start + length))
            {
                findings.Add(new Finding(ModerationCategories.Pii, kind, 1.0, start, length));
            }
        }
    }

    private static bool IsIPv6(string value) =>
        value.Count(c => c == ':') >= 2 && IPAddress.TryParse(value, out var address)
        && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
}
