namespace Chatbot.Chat.IntegrationTests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class ChatSystemCollection : ICollectionFixture<ChatSystemFixture>
{
    public const string Name = "chat-system";
}
