namespace Chatbot.Chat.Messages;

/// <summary>The stored user message, the id of the reply that will answer it and where to stream that reply.</summary>
public sealed record SendMessageResponse(Guid MessageId, Guid ReplyId, string StreamUrl)
{
    public static SendMessageResponse For(Guid messageId, Guid replyId) =>
        new(messageId, replyId, $"/api/replies/{replyId}/stream");
}
