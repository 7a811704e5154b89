using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Chatbot.Identity.Erasure;

/// <summary>
/// The signed part of the receipt link mailed to an erased user (who has no account left to sign in with): the erasure
/// id protected by Data Protection (key ring in identitydb, shared by replicas) and valid for <see cref="Lifetime"/>.
/// </summary>
public sealed class ErasureLinks(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("chatbot.identity.erasure-receipt.v1").ToTimeLimitedDataProtector();

    public string TokenFor(Guid erasureId) => _protector.Protect(erasureId.ToString("N"), Lifetime);

    /// <summary>True when <paramref name="token"/> was issued for <paramref name="erasureId"/> and has not expired.</summary>
    public bool IsValid(string token, Guid erasureId)
    {
        try
        {
            return _protector.Unprotect(token) == erasureId.ToString("N");
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
