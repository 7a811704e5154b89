using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.ServiceDefaults.Tests.Authentication;

/// <summary><c>AddDefaultAuthentication()</c> against a fake authority: what a service accepts and refuses, locally.</summary>
public sealed class DefaultAuthenticationTests : IAsyncLifetime
{
    private readonly FakeAuthority _authority = new();
    private WebApplication _api = null!;
    private HttpClient _client = null!;

    private sealed class RevokedSubjects : ITokenSubjectRevocationCheck
    {
        public ValueTask<bool> IsRevokedAsync(string subject, CancellationToken cancellationToken) => ValueTask.FromResult(subject == "deleted-user");
    }

    public async Task InitializeAsync()
    {
        await _authority.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Identity:Authority"] = _authority.Address.ToString();
        builder.AddDefaultAuthentication();
        builder.Services.AddSingleton<ITokenSubjectRevocationCheck, RevokedSubjects>();
        _api = builder.Build();
        _api.MapGet("/member", () => "ok").RequireAuthorization(AuthorizationPolicies.Member);
        _api.MapGet("/tenant-admin", () => "ok").RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        await _api.StartAsync();
        var address = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _authority.DisposeAsync();
    }

    private string Token(Action<SecurityTokenDescriptor>? change = null, RSA? key = null, string role = ChatbotRoles.Member, string sub = "user-1",
        bool withTenant = true)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = sub, ["role"] = role, ["tier"] = "free" };
        if (withTenant)
        {
            claims["tenant_id"] = Guid.NewGuid().ToString();
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = FakeAuthority.Issuer, Audience = "chatbot-api", TokenType = "at+jwt", Claims = claims,
            IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(15),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _authority.Key) { KeyId = FakeAuthority.KeyId }, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private async Task<HttpStatusCode> CallAsync(string token, string path = "/member")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_valid_token_is_accepted() => Assert.Equal(HttpStatusCode.OK, await CallAsync(Token()));

    [Fact]
    public async Task Tokens_are_validated_locally_the_key_set_is_fetched_once_not_per_request()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await CallAsync(Token()));
        }

        Assert.Equal(1, _authority.JwksRequests);
    }

    [Fact]
    public async Task A_token_expired_more_than_30_seconds_ago_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(-20);
            d.Expires = DateTime.UtcNow.AddSeconds(-45);
        })));

    [Fact]
    public async Task A_token_expired_within_the_30_second_skew_is_still_accepted() =>
        Assert.Equal(HttpStatusCode.OK, await CallAsync(Token(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(-20);
            d.Expires = DateTime.UtcNow.AddSeconds(-10);
        })));

    [Fact]
    public async Task A_token_for_another_audience_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(d => d.Audience = "someone-else")));

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(d => d.Issuer = "https://evil.test/")));

    [Fact]
    public async Task A_jwt_that_is_not_an_access_token_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(d => d.TokenType = "JWT")));

    [Fact]
    public async Task A_token_signed_with_another_key_under_the_same_kid_is_refused()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(key: other)));
    }

    [Fact]
    public async Task A_token_whose_subject_was_revoked_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(Token(sub: "deleted-user")));

    [Fact]
    public async Task A_member_on_a_tenant_admin_route_gets_403() =>
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(Token(), "/tenant-admin"));

    [Fact]
    public async Task A_tenant_admin_on_a_tenant_admin_route_is_allowed() =>
        Assert.Equal(HttpStatusCode.OK, await CallAsync(Token(role: ChatbotRoles.TenantAdmin), "/tenant-admin"));

    [Fact]
    public async Task A_token_without_tenant_gets_403_on_member_routes() =>
        Assert.Equal(HttpStatusCode.Forbidden, await CallAsync(Token(withTenant: false)));
}
