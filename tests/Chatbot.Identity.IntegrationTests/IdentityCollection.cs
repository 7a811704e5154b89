namespace Chatbot.Identity.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentitySystemFixture>
{
    public const string Name = "identity system";
}
