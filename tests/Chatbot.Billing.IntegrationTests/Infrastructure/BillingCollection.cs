namespace Chatbot.Billing.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingFixture>
{
    public const string Name = "billing";
}
