using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>Candidate patterns; validators in <see cref="PiiDetector"/> reject look-alikes (checksums, ranges).</summary>
internal static partial class PiiPatterns
{
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|\z)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex PrivateKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Jwt();

    [GeneratedRegex(@"\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9-]{10,}|[rs]k_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})|(?i:aws_secret_access_key|secret_key|api[_-]?key|access[_-]?token|client[_-]?secret)\s*[=:]\s*[""']?[A-Za-z0-9/+=_\-]{16,}", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex ApiKey();

    [GeneratedRegex(@"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|sqlserver|mssql)://[^\s:/@]+:[^\s@]+@[^\s""'<>]+|(?i:(?:server|host|data source)=[^;\n]{1,200};[^\n]{0,300}?(?:password|pwd)=[^;\s]+;?)|(?i:accountkey=[A-Za-z0-9+/=]{20,})", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex ConnectionString();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Iban();

    [GeneratedRegex(@"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Card();

    [GeneratedRegex(@"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Email();

    [GeneratedRegex(@"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0?\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}(?![\d])", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<![\w.,/:-])(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\d.,/:-]?\d)|(?<![\w.,/:-])0[1-9]\d{0,3}(?:[ .-]\d{2,4}){2,4}(?![\d.,/:-]?\d)|(?<![\w.,/:-])0[1-9]\d{1,3}[ /-]\d{6,8}(?![\d.,/:-]?\d)|(?<![\w.,/:-])\(0\d{1,4}\)[ ]?\d{3,4}[ .-]?\d{3,4}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex NationalPhone();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex IPv6();
}
