namespace Chatbot.Chat.Messages;

public enum SendMessageFailure
{
    None,
    ConversationNotFound,
    IdempotencyKeyReused,
}
