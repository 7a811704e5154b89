namespace Chatbot.Contracts.Moderation;

/// <summary>
/// Shared names of the moderation flow. The reply stream gets an <c>error</c> event with code <see cref="BlockedCode"/>
/// when an input is rejected or an output is cut (a <c>ReplyFailed</c> then carries the same code). The output context
/// of a reply (canary, placeholder mapping) lives in Redis under <see cref="ContextKey"/> with an expiry, never on the bus.
/// </summary>
public static class ModerationProtocol
{
    public const string BlockedCode = "moderation_blocked";

    public static string ContextKey(Guid replyId) => $"chatbot:moderation:{replyId:N}:context";
}
