namespace Chatbot.Moderation.IntegrationTests.EndToEnd;

/// <summary>One whole system shared by every end-to-end class of this project.</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "moderation-system";
}
