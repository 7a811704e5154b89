using System.Text.RegularExpressions;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>
/// The safety net behind the data taxonomy: removes e-mail addresses, bearer tokens, JWTs, <c>cbk_</c> and <c>sk-</c> API keys,
/// passwords in connection strings and URIs, and <c>key=value</c> secrets from any text before a log sink writes it.
/// </summary>
public static partial class SensitiveDataScrubber
{
    public const string Marker = "[REDACTED]";

    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text) || !MayContainSecret(text))
        {
            return text;
        }
        var result = UriUserInfo().Replace(text, m => $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:{Marker}@");
        result = ConnectionStringPassword().Replace(result, m => $"{m.Groups["key"].Value}={Marker}");
        result = NamedSecret().Replace(result, m => $"{m.Groups["key"].Value}{m.Groups["sep"].Value}{Marker}");
        result = BearerToken().Replace(result, $"Bearer {Marker}");
        result = Jwt().Replace(result, Marker);
        result = ApiKey().Replace(result, Marker);
        result = Email().Replace(result, Marker);
        return result;
    }

    private static bool MayContainSecret(string text) =>
        text.Contains('@') || text.Contains('=') || text.Contains(':') || text.Contains("eyJ", StringComparison.Ordinal)
        || text.Contains("cbk_", StringComparison.Ordinal) || text.Contains("sk-", StringComparison.Ordinal)
        || text.Contains("earer", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<user>[^:/@\s]*):(?<password>[^@/\s]+)@")]
    private static partial Regex UriUserInfo();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*)=\s*(?:""[^""]*""|'[^']*'|[^;\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(?<key>\b(?:api[_\-]?key|client[_\-]?secret|secret|access[_\-]?token|refresh[_\-]?token|id[_\-]?token|token)""?)(?<sep>\s*[=:]\s*""?)(?!\[REDACTED\])[^\s;&"",}]+", RegexOptions.IgnoreCase)]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"\bbearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(?:cbk_[A-Za-z0-9_\-]{4,}|sk-[A-Za-z0-9_\-]{8,})")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
