using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Billing.IntegrationTests.Infrastructure;

namespace Chatbot.Billing.IntegrationTests;

/// <summary><c>Idempotency-Key</c> on <c>POST /api/billing/prices</c> (the shared <c>WithIdempotency()</c> filter).</summary>
[Collection(BillingCollection.Name)]
public sealed class PriceIdempotencyTests(BillingFixture fixture)
{
    [Fact]
    public async Task A_resent_price_with_the_same_key_is_stored_once_and_answered_with_the_first_response()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = billing.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var model = $"model-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(admin, new { provider = "idem", model, inputPerMillion = 1m, outputPerMillion = 2m }, key);
        using var again = await PostAsync(admin, new { provider = "idem", model, inputPerMillion = 1m, outputPerMillion = 2m }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(admin, model));
    }

    [Fact]
    public async Task The_same_key_with_another_price_is_422_and_stores_nothing_new()
    {
        await using var billing = new BillingApiFactory(fixture.Infra);
        var admin = billing.CreateClient(TestUser.NewTenant(role: "platform-admin"));
        var model = $"model-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(admin, new { provider = "idem", model, inputPerMillion = 1m, outputPerMillion = 2m }, key);
        using var reused = await PostAsync(admin, new { provider = "idem", model, inputPerMillion = 5m, outputPerMillion = 9m }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await CountAsync(admin, model));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/billing/prices") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountAsync(HttpClient admin, string model)
    {
        var prices = new List<JsonElement>();
        for (var offset = 0; ; offset += 200)
        {
            var page = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/billing/prices?offset={offset}");
            prices.AddRange(page!);
            if (page!.Count < 200)
            {
                return prices.Count(p => p.GetProperty("model").GetString() == model);
            }
        }
    }
}
