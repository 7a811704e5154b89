using System.Security.Cryptography;
using System.Text;

namespace Chatbot.ServiceDefaults.Webhooks;

/// <summary>
/// <c>X-Chatbot-Signature: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c> with <c>X-Chatbot-Timestamp</c>
/// (unix seconds): the receiver recomputes it and rejects old timestamps, so a replayed or altered post fails.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Chatbot-Signature";
    public const string TimestampHeader = "X-Chatbot-Timestamp";

    public static string Compute(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
