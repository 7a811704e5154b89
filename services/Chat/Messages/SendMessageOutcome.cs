namespace Chatbot.Chat.Messages;

/// <summary>What <see cref="MessageSender"/> did: accepted (new or replayed), or why not.</summary>
public sealed record SendMessageOutcome(SendMessageResponse? Response, SendMessageFailure Failure = SendMessageFailure.None)
{
    public static SendMessageOutcome Accepted(Guid messageId, Guid replyId) => new(SendMessageResponse.For(messageId, replyId));
    public static SendMessageOutcome Failed(SendMessageFailure failure) => new(null, failure);
}
