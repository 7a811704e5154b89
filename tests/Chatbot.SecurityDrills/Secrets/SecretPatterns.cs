using System.Text.RegularExpressions;

namespace Chatbot.SecurityDrills.Secrets;

/// <summary>What a leaked credential looks like: high-confidence shapes, each with a name for the report and allow-list.</summary>
public static partial class SecretPatterns
{
    public static readonly IReadOnlyList<(string Name, Regex Pattern)> All =
    [
        ("private key", PrivateKey()),
        ("OpenAI/Anthropic key", ProviderKey()),
        ("AWS access key id", AwsAccessKey()),
        ("AWS secret key", AwsSecret()),
        ("GitHub token", GitHubToken()),
        ("Slack token", SlackToken()),
        ("Slack webhook", SlackWebhook()),
        ("JWT", Jwt()),
        ("chatbot API key", ChatbotKey()),
        ("connection string password", ConnectionStringPassword()),
        ("URI with password", UriPassword()),
    ];

    [GeneratedRegex(@"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(ant-(api|admin)\d\d-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}")]
    private static partial Regex ProviderKey();

    [GeneratedRegex(@"(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"(?i)aws_?secret_?access_?key[""']?\s*[:=]\s*[""']?[A-Za-z0-9/+]{40}")]
    private static partial Regex AwsSecret();

    [GeneratedRegex(@"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bxox[abposr]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])cbk_[A-Za-z0-9_-]{24,}")]
    private static partial Regex ChatbotKey();

    /// <summary>
    /// A password as connection strings write it (Password=…; no spaces around '=', unlike code), with a literal value:
    /// not a placeholder such as {x}, $(x), &lt;x&gt; or a well-known sample word.
    /// </summary>
    [GeneratedRegex(@"(?i)(?<![A-Za-z])(password|pwd)=(?!(password|pass|secret|guest|changeme|example)\b)[A-Za-z0-9!#%*+,.?^_|~-]{4,};")]
    private static partial Regex ConnectionStringPassword();

    /// <summary>user:password@ in a URI, the password a literal (printable ASCII, no placeholder or sample word).</summary>
    [GeneratedRegex(@"(?i)\b(amqps?|postgres(ql)?|redis|rediss|mongodb(\+srv)?|mysql|mssql|sqlserver)://[A-Za-z0-9._%-]+:(?!(password|pass|secret|guest|changeme|example)@)[A-Za-z0-9!#%*+,.;=?^_|~-]{3,}@")]
    private static partial Regex UriPassword();
}
