namespace Chatbot.Chat.Conversations;

/// <summary>Body of POST and PATCH /api/conversations. A missing title on create becomes "New conversation".</summary>
public sealed record ConversationRequest(string? Title)
{
    public const int MaxTitleLength = 200;
    public const string DefaultTitle = "New conversation";
}
