using System.Security.Cryptography;
using System.Text;

namespace Chatbot.ServiceDefaults.Idempotency;

/// <summary>
/// Stored response bodies are sealed (AES-GCM) with a key derived from the client's <c>Idempotency-Key</c>, which Redis
/// never holds (its entry is named by a different hash of it): a replayed body may carry a secret shown once (a new API
/// key), and whoever reads Redis cannot open it without the client's key.
/// </summary>
internal static class ResponseSealing
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(string idempotencyKey, byte[] body)
    {
        var sealedBody = new byte[NonceSize + TagSize + body.Length];
        var nonce = sealedBody.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyOf(idempotencyKey), TagSize);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(NonceSize + TagSize), sealedBody.AsSpan(NonceSize, TagSize));
        return sealedBody;
    }

    public static byte[] Open(string idempotencyKey, byte[] sealedBody)
    {
        var body = new byte[sealedBody.Length - NonceSize - TagSize];
        using var aes = new AesGcm(KeyOf(idempotencyKey), TagSize);
        aes.Decrypt(sealedBody.AsSpan(0, NonceSize), sealedBody.AsSpan(NonceSize + TagSize), sealedBody.AsSpan(NonceSize, TagSize), body);
        return body;
    }

    /// <summary>The name of the key's Redis entry: a hash Redis may hold, unlike the sealing key.</summary>
    public static string EntryName(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    private static byte[] KeyOf(string idempotencyKey) => SHA256.HashData(Encoding.UTF8.GetBytes($"chatbot-idempotency-body\n{idempotencyKey}"));
}
