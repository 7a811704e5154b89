using System.Net;
using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>
/// Finds personal data (e-mail, phone, payment card, IBAN, US SSN, IP address) and secrets (provider API keys,
/// private keys, JWTs, connection strings) in clean text. Candidates are validated (Luhn, IBAN mod 97, SSN ranges,
/// address parsing) so look-alikes are not reported. Findings never overlap; earlier (more specific) kinds win.
/// </summary>
public static class PiiDetector
{
    private static readonly (string Kind, string Category, Func<Regex> Pattern, Func<string, bool> IsValid)[] Detectors =
    [
        (PiiKinds.PrivateKey, ModerationCategories.Secret, PiiPatterns.PrivateKey, _ => true),
        (PiiKinds.Jwt, ModerationCategories.Secret, PiiPatterns.Jwt, _ => true),
        (PiiKinds.ConnectionString, ModerationCategories.Secret, PiiPatterns.ConnectionString, _ => true),
        (PiiKinds.ApiKey, ModerationCategories.Secret, PiiPatterns.ApiKey, _ => true),
        (PiiKinds.Email, ModerationCategories.Pii, PiiPatterns.Email, _ => true),
        (PiiKinds.Iban, ModerationCategories.Pii, PiiPatterns.Iban, v => Checksums.Iban(v.Replace(" ", string.Empty))),
        (PiiKinds.Card, ModerationCategories.Pii, PiiPatterns.Card, IsCard),
        (PiiKinds.Ssn, ModerationCategories.Pii, PiiPatterns.Ssn, _ => true),
        (PiiKinds.IpAddress, ModerationCategories.Pii, PiiPatterns.IPv4, _ => true),
        (PiiKinds.IpAddress, ModerationCategories.Pii, PiiPatterns.IPv6, IsIPv6),
        (PiiKinds.Phone, ModerationCategories.Pii, PiiPatterns.InternationalPhone, v => DigitCount(v) is >= 8 and <= 15),
        (PiiKinds.Phone, ModerationCategories.Pii, PiiPatterns.NationalPhone, v => DigitCount(v) is >= 9 and <= 12),
    ];

    public static IReadOnlyList<Finding> Detect(string clean)
    {
        var findings = new List<Finding>();
        foreach (var (kind, category, pattern, isValid) in Detectors)
        {
            foreach (Match match in pattern().Matches(clean))
            {
                if (!Overlaps(findings, match.Index, match.Length) && isValid(match.Value))
                {
                    findings.Add(new Finding(category, kind, 1.0, match.Index, match.Length));
                }
            }
        }
        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return findings;
    }

    private static bool Overlaps(List<Finding> findings, int start, int length) =>
        findings.Exists(f => start < f.Start + f.Length && f.Start < start + length);

    private static bool IsCard(string value)
    {
        var digits = new string([.. value.Where(char.IsDigit)]);
        return digits.Length is >= 13 and <= 19 && digits[0] is >= '2' and <= '6'
            && digits.Distinct().Count() > 1 && Checksums.Luhn(digits);
    }

    private static bool IsIPv6(string value) =>
        value.Count(c => c == ':') >= 2 && IPAddress.TryParse(value, out var address)
        && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    private static int DigitCount(string value) => value.Count(char.IsDigit);
}
