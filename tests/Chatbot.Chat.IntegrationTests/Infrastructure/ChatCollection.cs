namespace Chatbot.Chat.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ChatCollection : ICollectionFixture<ChatFixture>
{
    public const string Name = "chat";
}
