namespace Chatbot.Moderation.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class ModerationCollection : ICollectionFixture<ModerationFixture>
{
    public const string Name = "moderation";
}
