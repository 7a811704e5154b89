using System.Net;
using System.Net.Http.Json;
using Chatbot.Billing.Api;
using Chatbot.Billing.IntegrationTests.Infrastructure;

namespace Chatbot.Billing.IntegrationTests;

/// <summary>Billing's API is reached through chat's single origin: YARP forwards /api/usage and /api/billing/* with the caller's headers.</summary>
[Collection(BillingCollection.Name)]
public sealed class ProxyTests(BillingFixture fixture)
{
    [Fact]
    public async Task Chat_forwards_usage_and_billing_routes_to_the_billing_service()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        billing.UseKestrel(0);
        billing.StartServer();
        var address = billing.ClientOptions.BaseAddress;
        await using var chat = new ChatWithQuotasFactory(fixture.Infra, new Dictionary<string, string> { ["services:billing:http:0"] = address.ToString() });
        var user = TestUser.NewTenant();

        var usage = await chat.CreateClient(user).GetAsync("/api/usage");
        var adminOnly = await chat.CreateClient(user).GetAsync("/api/billing/plans");

        Assert.Equal(HttpStatusCode.OK, usage.StatusCode);
        Assert.Equal("free", (await usage.Content.ReadFromJsonAsync<UsageSummary>())!.Tier);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
    }
}
