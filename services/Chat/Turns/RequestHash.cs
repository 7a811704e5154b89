using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Chat.Turns;

/// <summary>The fingerprint of a send request stored with its Idempotency-Key: the conversation and the exact content.</summary>
public static class RequestHash
{
    public static string Of(Guid conversationId, string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId:N}\n{content}")));
}
