using System.Security.Cryptography;
using Chatbot.Identity.Data;
using Chatbot.Identity.Tokens;

namespace Chatbot.Identity.UnitTests;

public sealed class KeySetTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static SigningKey Row(string id, string use, DateTimeOffset activates, DateTimeOffset retires)
    {
        byte[] material;
        if (use == SigningKey.SigningUse)
        {
            using var rsa = RSA.Create(2048);
            material = rsa.ExportPkcs8PrivateKey();
        }
        else
        {
            material = RandomNumberGenerator.GetBytes(32);
        }
        return new SigningKey { Id = id, Use = use, Algorithm = "x", ProtectedKey = material, ActivatesAt = activates, RetiresAt = retires };
    }

    [Fact]
    public void The_active_key_signs_while_the_retired_and_the_pre_published_keys_are_only_published()
    {
        var rows = new[]
        {
            Row("retired", SigningKey.SigningUse, Now.AddDays(-40), Now.AddMinutes(-5)),
            Row("next", SigningKey.SigningUse, Now.AddDays(1), Now.AddDays(31)),
            Row("active", SigningKey.SigningUse, Now.AddDays(-10), Now.AddDays(1)),
            Row("enc", SigningKey.EncryptionUse, Now.AddDays(-40), DateTimeOffset.MaxValue),
        };

        var set = KeySet.From(rows, Now, r => (byte[])r.ProtectedKey.Clone());

        Assert.Equal("active", set.ActiveKeyId);
        Assert.Equal(["active", "next", "retired"], set.Signing.Select(k => k.KeyId));
        Assert.Equal("enc", set.Encryption.KeyId);
    }
}
