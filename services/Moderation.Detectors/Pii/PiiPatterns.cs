using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>
/// Patterns for e-mail, SSN and IP addresses. <see cref="PrivateKey"/> and <see cref="ApiKey"/> are the output guard's
/// quick secret check; the input side uses <see cref="Secrets.SecretRules"/>.
/// </summary>
internal static partial class PiiPatterns
{
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|\z)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9-]{10,}|[rs]k_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})|(?i:aws_secret_access_key|secret_key|api[_-]?key|access[_-]?token|client[_-]?secret)\s*[=:]\s*[""']?[A-Za-z0-9/+=_\-]{16,}", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex ApiKey();

    [GeneratedRegex(@"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w.+-]|://)[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Email();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex IPv6();
}
