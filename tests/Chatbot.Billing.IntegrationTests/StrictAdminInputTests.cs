using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Billing.IntegrationTests.Infrastructure;

namespace Chatbot.Billing.IntegrationTests;

[Collection(BillingCollection.Name)]
public sealed class StrictAdminInputTests(BillingFixture fixture)
{
    [Fact]
    public async Task A_plan_body_with_a_misspelt_field_is_refused_and_leaves_the_plan_as_it_was()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = billing.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var response = await admin.PutAsJsonAsync("/api/billing/plans/pro", new { userTokensPerDya = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("userTokensPerDya", await response.Content.ReadAsStringAsync());
        var plans = await admin.GetFromJsonAsync<JsonElement>("/api/billing/plans");
        var pro = plans.EnumerateArray().Single(p => p.GetProperty("tier").GetString() == "pro");
        Assert.Equal((100_000L, 200m), (pro.GetProperty("userTokensPerDay").GetInt64(), pro.GetProperty("monthlyBudgetUsd").GetDecimal()));
    }

    [Fact]
    public async Task A_plan_body_that_leaves_a_limit_out_is_refused_instead_of_lifting_that_limit()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = billing.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var response = await admin.PutAsJsonAsync("/api/billing/plans/pro",
            new { userTokensPerDay = 5, tenantTokensPerDay = 10, requestsPerMinute = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("monthlyBudgetUsd", await response.Content.ReadAsStringAsync());
        var plans = await admin.GetFromJsonAsync<JsonElement>("/api/billing/plans");
        var pro = plans.EnumerateArray().Single(p => p.GetProperty("tier").GetString() == "pro");
        Assert.Equal((100_000L, 200m), (pro.GetProperty("userTokensPerDay").GetInt64(), pro.GetProperty("monthlyBudgetUsd").GetDecimal()));
    }
}
