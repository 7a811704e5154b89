using Chatbot.Billing.Quotas;
using Chatbot.Chat.Messages;

namespace Chatbot.Chat.Turns;

/// <summary>What <see cref="TurnStarter"/> did: accepted (new or replayed), or why not.</summary>
public sealed record SendMessageOutcome(SendMessageResponse? Response, SendMessageFailure Failure = SendMessageFailure.None,
    ReservationResult? Quota = null)
{
    public static SendMessageOutcome Accepted(Guid messageId, Guid replyId) => new(SendMessageResponse.For(messageId, replyId));
    public static SendMessageOutcome Failed(SendMessageFailure failure) => new(null, failure);
    public static SendMessageOutcome Denied(ReservationResult quota) => new(null, SendMessageFailure.QuotaDenied, quota);
}
