using System.Security.Cryptography;
using System.Text;

namespace Chatbot.ServiceDefaults.Webhooks;

/// <summary>
/// The secret a tool's endpoint verifies <see cref="WebhookSignature"/> with: HMAC-SHA256 of the tool id under a key derived
/// (HKDF, its own label) from the service credential chat and the inference worker share (<c>ServiceAuth:Credential</c>).
/// Chat shows it once when the tool is registered; the worker derives the same value when it calls the tool, so no secret
/// is stored in a database or carried in a message.
/// </summary>
public static class ToolSecrets
{
    private static readonly byte[] Label = "chatbot/tool-signing/v1"u8.ToArray();

    public static string For(string serviceCredential, Guid toolId)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(serviceCredential), 32, info: Label);
        return "tsk_" + Convert.ToHexStringLower(HMACSHA256.HashData(key, toolId.ToByteArray()));
    }
}
