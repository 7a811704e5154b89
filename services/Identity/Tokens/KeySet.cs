using System.Security.Cryptography;
using Chatbot.Identity.Data;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Identity.Tokens;

/// <summary>The keys OpenIddict uses: <see cref="Signing"/>[0] signs, all are published; one encryption key.</summary>
public sealed class KeySet
{
    public required IReadOnlyList<SecurityKey> Signing { get; init; }
    public required SymmetricSecurityKey Encryption { get; init; }

    public string ActiveKeyId => Signing[0].KeyId;

    public bool SameKeysAs(KeySet other) =>
        Signing.Select(k => k.KeyId).SequenceEqual(other.Signing.Select(k => k.KeyId));

    internal static KeySet From(IReadOnlyList<SigningKey> rows, DateTimeOffset now, Func<SigningKey, byte[]> unprotect)
    {
        var encryption = rows.Where(r => r.Use == SigningKey.EncryptionUse).OrderBy(r => r.CreatedAt).First();
        var signing = rows.Where(r => r.Use == SigningKey.SigningUse)
            .OrderByDescending(r => r.ActivatesAt <= now && r.RetiresAt > now)
            .ThenByDescending(r => r.ActivatesAt)
            .Select(r => (SecurityKey)ToRsaKey(r, unprotect(r)))
            .ToList();
        return new KeySet
        {
            Signing = signing,
            Encryption = new SymmetricSecurityKey(unprotect(encryption)) { KeyId = encryption.Id },
        };
    }

    private static RsaSecurityKey ToRsaKey(SigningKey row, byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        CryptographicOperations.ZeroMemory(pkcs8);
        return new RsaSecurityKey(rsa) { KeyId = row.Id };
    }
}
