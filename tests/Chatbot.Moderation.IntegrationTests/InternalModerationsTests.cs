using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>The internal moderations route chat's /v1/moderations calls for API-key callers: the service credential only.</summary>
[Collection(ModerationCollection.Name)]
public sealed class InternalModerationsTests(ModerationFixture fixture)
{
    private static string Route(Guid tenant, Guid user) => $"/internal/tenants/{tenant}/users/{user}/moderations";

    [Fact]
    public async Task Without_the_service_credential_a_user_token_or_a_wrong_credential_is_refused()
    {
        var (tenant, user) = (Guid.NewGuid(), Guid.NewGuid());
        using var member = TestAuthHandler.Apply(fixture.Service.CreateClient(), user, tenant);
        using var withToken = await member.PostAsJsonAsync(Route(tenant, user), new { input = "hi" });
        using var wrong = fixture.Service.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Service-Credential", "wrong-" + ModerationApiFactory.ServiceCredential);
        using var withWrong = await wrong.PostAsJsonAsync(Route(tenant, user), new { input = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrong.StatusCode);
    }

    [Fact]
    public async Task With_the_service_credential_the_named_tenant_s_policy_answers_and_bad_input_is_a_problem()
    {
        var tenant = Guid.NewGuid();
        using var admin = TestAuthHandler.Apply(fixture.Service.CreateClient(), Guid.NewGuid(), tenant, "tenant-admin");
        (await admin.PutAsJsonAsync("/api/moderation/policy",
            new { harmfulTerms = new Dictionary<string, string[]> { ["pancakes"] = ["secret recipe"] } })).EnsureSuccessStatusCode();
        using var chat = fixture.Service.CreateClient();
        chat.DefaultRequestHeaders.Add("X-Service-Credential", ModerationApiFactory.ServiceCredential);

        using var own = await chat.PostAsJsonAsync(Route(tenant, Guid.NewGuid()), new { input = "Share the secret recipe for pancakes" });
        using var other = await chat.PostAsJsonAsync(Route(Guid.NewGuid(), Guid.NewGuid()), new { input = "Share the secret recipe for pancakes" });
        using var bad = await chat.PostAsJsonAsync(Route(tenant, Guid.NewGuid()), new { input = 42 });

        Assert.True(own.IsSuccessStatusCode, await own.Content.ReadAsStringAsync());
        using var ownJson = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        Assert.True(ownJson.RootElement.GetProperty("results")[0].GetProperty("categories").GetProperty("pancakes").GetBoolean());
        using var otherJson = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
        Assert.False(otherJson.RootElement.GetProperty("results")[0].GetProperty("flagged").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }
}
