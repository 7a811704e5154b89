using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Account;

/// <summary>
/// Signed download links: <c>base64url(exportId.tenantId.expiresUnixSeconds).base64url(HMAC-SHA256)</c>. The key is
/// derived (HKDF) from the service credential every chat replica shares (<c>ServiceAuth:Credential</c>), so a link minted
/// on one replica works on all of them and no new secret needs deploying; the label keeps it apart from the credential.
/// </summary>
public sealed class AccountExportLinks(IOptions<ServiceCredentialOptions> credential, TimeProvider clock)
{
    private static readonly byte[] Label = "chatbot/account-export-links/v1"u8.ToArray();
    private readonly byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(credential.Value.Credential), 32, info: Label);

    public string Sign(Guid exportId, Guid tenantId, DateTimeOffset expiresAt)
    {
        var payload = Encoding.ASCII.GetBytes(
            $"{exportId:N}.{tenantId:N}.{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The link's export and tenant when the signature holds and the link has not expired.</summary>
    public AccountExportLinkCheck Verify(string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return AccountExportLinkCheck.Invalid;
        }
        var payload = Base64Url.DecodeFromChars(parts[0]);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), Base64Url.DecodeFromChars(parts[1])))
        {
            return AccountExportLinkCheck.Invalid;
        }
        var fields = Encoding.ASCII.GetString(payload).Split('.');
        if (fields.Length != 3 || !Guid.TryParseExact(fields[0], "N", out var exportId) || !Guid.TryParseExact(fields[1], "N", out var tenantId)
            || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return AccountExportLinkCheck.Invalid;
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() >= expires
            ? AccountExportLinkCheck.Expired
            : new AccountExportLinkCheck(AccountExportLinkState.Valid, exportId, tenantId);
    }
}
