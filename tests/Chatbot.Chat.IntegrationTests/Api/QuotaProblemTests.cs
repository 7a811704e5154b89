using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>POST message reserves before storing: the page and API clients get 429 (rate) or 402 (budget) with the fields to act on.</summary>
[Collection(ChatCollection.Name)]
public sealed class QuotaProblemTests(ChatFixture fixture)
{
    [Fact]
    public async Task Rate_window_gives_429_with_retry_after_and_budget_gives_402_quota_exceeded()
    {
        var (rateTier, budgetTier) = (NewTier(), NewTier());
        await using var chat = new ChatApiFactory(fixture.Infra, new Dictionary<string, string>
        {
            [$"Quotas:Plans:{rateTier}:RequestsPerMinute"] = "1",
            [$"Quotas:Plans:{budgetTier}:UserTokensPerDay"] = "20",
        });
        var rateUser = TestUser.NewTenant(rateTier);
        var budgetUser = TestUser.NewTenant(budgetTier);

        var first = await SendAsync(chat.CreateClient(rateUser));
        var second = await SendAsync(chat.CreateClient(rateUser));
        var overBudget = await SendAsync(chat.CreateClient(budgetUser));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(int.Parse(second.Headers.GetValues("Retry-After").Single()), 1, 60);
        var rate = await ProblemAsync(second);
        Assert.Equal(("rate-limited", "requests_per_minute"), (rate.GetProperty("type").GetString(), rate.GetProperty("limit").GetString()));

        Assert.Equal(HttpStatusCode.PaymentRequired, overBudget.StatusCode);
        var quota = await ProblemAsync(overBudget);
        Assert.Equal(("quota-exceeded", "user_tokens_per_day"), (quota.GetProperty("type").GetString(), quota.GetProperty("limit").GetString()));
        Assert.Equal(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero), quota.GetProperty("resetsAt").GetDateTimeOffset());
    }

    private static string NewTier() => "test-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/conversations", new { title = "quota" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        return await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = "Hello there, how are you today?" });
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
