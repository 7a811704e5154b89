using Chatbot.Chat.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>One chat instance on the real infrastructure, with the quota settings of the test (the chat tests' host).</summary>
public sealed class ChatWithQuotasFactory(BillingInfrastructure infra, IReadOnlyDictionary<string, string> settings)
    : ChatFactoryBase(infra.Database("chatdb"), infra.Redis, infra.RabbitMq, settings)
{
    public HttpClient CreateClient(TestUser user) => CreateAuthenticatedClient(user.Apply);

    /// <summary>These tests are about token quotas and budgets: chat's request windows (per IP, per tenant) stay out of reach.</summary>
    protected override void ConfigureDefaults(IWebHostBuilder builder)
    {
        foreach (var key in new[] { "PerIp", "Listing", "PerTenant:Free", "PerTenant:Pro", "PerTenant:Enterprise" })
        {
            builder.UseSetting($"RequestLimits:{key}:PermitLimit", "1000000");
        }
    }
}
