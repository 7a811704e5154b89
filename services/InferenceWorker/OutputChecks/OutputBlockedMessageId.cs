using System.Security.Cryptography;

namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>One message id per cut reply (a hash of the reply id): the consumer dedupes a republished <c>OutputBlocked</c>.</summary>
public static class OutputBlockedMessageId
{
    public static Guid For(Guid replyId)
    {
        Span<byte> input = stackalloc byte[20];
        "obk:"u8.CopyTo(input);
        replyId.TryWriteBytes(input[4..]);
        return new Guid(SHA256.HashData(input)[..16]);
    }
}
