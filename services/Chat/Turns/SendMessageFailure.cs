namespace Chatbot.Chat.Turns;

public enum SendMessageFailure
{
    None,
    ConversationNotFound,
    IdempotencyKeyReused,
    /// <summary>The quota reservation was refused (rate window, budget, disabled): see <see cref="SendMessageOutcome.Quota"/>.</summary>
    QuotaDenied,
}
