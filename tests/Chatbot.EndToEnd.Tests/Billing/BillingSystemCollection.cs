namespace Chatbot.EndToEnd.Tests.Billing;

[CollectionDefinition(Name)]
public sealed class BillingSystemCollection : ICollectionFixture<BillingSystemFixture>
{
    public const string Name = "billing-system";
}
