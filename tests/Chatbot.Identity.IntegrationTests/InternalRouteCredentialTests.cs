using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// identity's service-to-service route answers only a caller with the service credential the AppHost generated
/// (<c>ServiceAuth__Credential</c>), whoever can reach its port; chat presents it (the API key tests pass through it).
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class InternalRouteCredentialTests(IdentitySystemFixture system)
{
    private const string Route = "/internal/api-keys/verify";

    private async Task<HttpResponseMessage> VerifyAsync(string? credential)
    {
        using var identity = system.App.CreateHttpClient("identity");
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonContent.Create(new { key = "cbk_" + Guid.NewGuid().ToString("N") }) };
        if (credential is not null) request.Headers.Add("X-Service-Credential", credential);
        return await identity.SendAsync(request);
    }

    [Fact]
    public async Task Without_a_credential_the_route_answers_401_problem_details()
    {
        using var response = await VerifyAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_credential_gets_401()
    {
        using var response = await VerifyAsync("wrong-" + system.App.GetEnvironment("identity")["ServiceAuth__Credential"]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_generated_credential_reaches_the_route_which_answers_404_for_an_unknown_key()
    {
        var credential = system.App.GetEnvironment("identity")["ServiceAuth__Credential"];

        using var response = await VerifyAsync(credential);

        Assert.Equal(credential, system.App.GetEnvironment("chat")["ServiceAuth__Credential"]);
        Assert.True(credential.Length >= 24);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_without_a_credential_is_refused_before_it_is_read()
    {
        using var identity = system.App.CreateHttpClient("identity");
        using var response = await identity.PostAsync(Route, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }
}
