using Chatbot.Chat.TestSupport;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>One chat instance on the real infrastructure, with the quota settings of the test (the chat tests' host).</summary>
public sealed class ChatWithQuotasFactory(BillingInfrastructure infra, IReadOnlyDictionary<string, string> settings)
    : ChatFactoryBase(infra.Database("chatdb"), infra.Redis, infra.RabbitMq, settings)
{
    public HttpClient CreateClient(TestUser user) => CreateAuthenticatedClient(user.Apply);
}
