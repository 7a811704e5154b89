using System.Net;
using System.Text.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>identity's part of chat's account export: <c>GET /internal/accounts/{userId}?tenantId=</c>, service credential only.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AccountProfileRouteTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task The_profile_answers_the_credential_only_and_only_for_the_users_own_tenant()
    {
        using var origin = system.CreateClient();
        var (email, _, tokens) = await origin.SignUpAsync();
        var me = await origin.MeAsync(tokens.AccessToken!);
        var credential = system.App.GetEnvironment("identity")["ServiceAuth__Credential"];
        using var identity = system.App.CreateHttpClient("identity");

        async Task<HttpResponseMessage> GetAsync(string tenantId, string? presented)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/accounts/{me.Sub}?tenantId={tenantId}");
            if (presented is not null) request.Headers.Add("X-Service-Credential", presented);
            return await identity.SendAsync(request);
        }

        using var profile = await GetAsync(me.TenantId, credential);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        using var body = JsonDocument.Parse(await profile.Content.ReadAsStringAsync());
        Assert.Equal(email, body.RootElement.GetProperty("email").GetString());
        Assert.Equal(me.TenantId, body.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Guid.NewGuid().ToString(), credential)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(me.TenantId, null)).StatusCode);
        // Not reachable through chat's public origin.
        using var forwarded = await origin.Http.GetAsync($"/internal/accounts/{me.Sub}?tenantId={me.TenantId}");
        Assert.Equal(HttpStatusCode.NotFound, forwarded.StatusCode);
    }
}
