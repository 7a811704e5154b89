using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary><c>Idempotency-Key</c> on identity's state-changing POSTs, sent through chat's public origin.</summary>
[Collection(IdentityCollection.Name)]
public sealed class IdempotencyKeyTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task An_API_key_resent_with_its_Idempotency_Key_is_created_once_and_the_first_response_replayed()
    {
        using var origin = system.CreateClient();
        var (_, _, admin) = await origin.SignUpAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(origin, "/api/tenant/api-keys", admin.AccessToken, new { name = "ci" }, key);
        using var again = await SendAsync(origin, "/api/tenant/api-keys", admin.AccessToken, new { name = "ci" }, key);
        using var reused = await SendAsync(origin, "/api/tenant/api-keys", admin.AccessToken, new { name = "other" }, key);
        using var list = await origin.SendAsync(HttpMethod.Get, "/api/tenant/api-keys", admin.AccessToken);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        var listed = await list.Content.ReadFromJsonAsync<JsonElement>();
        var items = listed.ValueKind == JsonValueKind.Array ? listed : listed.GetProperty("items");
        Assert.Single(items.EnumerateArray(), k => k.GetProperty("name").GetString() == "ci");
        Assert.DoesNotContain(items.EnumerateArray(), k => k.GetProperty("name").GetString() == "other");
    }

    [Fact]
    public async Task A_registration_resent_with_its_key_is_replayed_and_another_body_under_that_key_is_422()
    {
        using var origin = system.CreateClient();
        var email = ChatOrigin.NewEmail();
        var password = ChatOrigin.NewPassword();
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(origin, "/api/account/register", null, new { email, password }, key);
        using var again = await SendAsync(origin, "/api/account/register", null, new { email, password }, key);
        using var reused = await SendAsync(origin, "/api/account/register", null, new { email = ChatOrigin.NewEmail(), password }, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(ChatOrigin origin, string path, string? accessToken, object body, string key) =>
        origin.SendAsync(HttpMethod.Post, path, accessToken, body, key);
}
