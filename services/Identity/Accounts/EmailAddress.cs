using System.Net.Mail;

namespace Chatbot.Identity.Accounts;

/// <summary>E-mail normalisation: trimmed, lower-case, one plain address of at most 254 characters.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace))
        {
            return false;
        }
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || parsed.DisplayName.Length > 0)
        {
            return false;
        }
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || !trimmed[(at + 1)..].Contains('.') || trimmed.EndsWith('.'))
        {
            return false;
        }
        normalized = trimmed.ToLowerInvariant();
        return true;
    }
}
