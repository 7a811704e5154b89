using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Identity.IntegrationTests;

[Collection(IdentityCollection.Name)]
public sealed class SignUpAndTokenTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task Sign_up_verify_and_login_through_chat_gives_a_token_chat_accepts_with_all_claims()
    {
        using var origin = system.CreateClient();

        var (_, _, tokens) = await origin.SignUpAsync(tenantName: "Acme");
        var me = await origin.MeAsync(tokens.AccessToken!);

        Assert.True(Guid.TryParse(me.Sub, out _));
        Assert.True(Guid.TryParse(me.TenantId, out _));
        Assert.Equal("tenant-admin", me.Role);
        Assert.Equal("free", me.Tier);
        Assert.Equal("bearer", me.AuthenticationMethod);
        Assert.InRange(tokens.ExpiresIn!.Value, 890, 900);
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Contains("chatbot-api", jwt.Audiences);
    }

    [Fact]
    public async Task Login_is_refused_until_the_email_is_verified()
    {
        using var origin = system.CreateClient();
        var email = ChatOrigin.NewEmail();
        var password = ChatOrigin.NewPassword();
        (await origin.RegisterAsync(email, password)).Dispose();

        var before = await origin.LoginAsync(email, password);
        await origin.ConfirmAsync(email);
        var after = await origin.LoginAsync(email, password);

        Assert.Equal("invalid_grant", before.Error);
        Assert.Null(before.AccessToken);
        Assert.NotNull(after.AccessToken);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_reusing_a_rotated_one_revokes_the_whole_family()
    {
        using var origin = system.CreateClient();
        var (_, _, first) = await origin.SignUpAsync();

        var second = await origin.RefreshAsync(first.RefreshToken!);
        Assert.NotNull(second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await origin.MeStatusAsync(second.AccessToken!));

        var replay = await origin.RefreshAsync(first.RefreshToken!);
        var familyAfterReplay = await origin.RefreshAsync(second.RefreshToken!);

        Assert.Equal("invalid_grant", replay.Error);
        Assert.Equal("invalid_grant", familyAfterReplay.Error);
    }

    [Fact]
    public async Task A_revoked_refresh_token_can_no_longer_be_used()
    {
        using var origin = system.CreateClient();
        var (_, _, tokens) = await origin.SignUpAsync();

        using var revoked = await origin.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ChatOrigin.ClientId, ["token"] = tokens.RefreshToken!, ["token_type_hint"] = "refresh_token",
        }));
        var refreshed = await origin.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task Tampered_wrong_key_and_unsigned_tokens_get_401_from_chat()
    {
        using var origin = system.CreateClient();
        var (_, _, tokens) = await origin.SignUpAsync();
        var parts = tokens.AccessToken!.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"tenant-admin\"", "\"platform-admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var claims = new JsonWebToken(tokens.AccessToken).Claims.ToDictionary(c => c.Type, c => (object)c.Value);
        var header = new JsonWebToken(tokens.AccessToken);
        using var otherKey = RSA.Create(2048);
        var wrongKey = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims, TokenType = "at+jwt", Issuer = header.Issuer, Audience = "chatbot-api",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = header.Kid }, SecurityAlgorithms.RsaSha256),
        });
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")}.{parts[1]}.";

        Assert.Equal(HttpStatusCode.OK, await origin.MeStatusAsync(tokens.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await origin.MeStatusAsync(tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await origin.MeStatusAsync(wrongKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await origin.MeStatusAsync(unsigned));
    }

    [Fact]
    public async Task No_token_gets_401()
    {
        using var origin = system.CreateClient();

        using var response = await origin.SendAsync(HttpMethod.Get, "/api/me", accessToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"email":"not-an-email","password":"long enough password"}""", "email" },
        { $$"""{"email":"{{new string('a', 250)}}@example.test","password":"long enough password"}""", "email" },
        { $$"""{"email":"ok@example.test","password":"{{new string('x', 129)}}"}""", "password" },
        { $$"""{"email":"ok@example.test","password":"long enough password","tenantName":"{{new string('t', 101)}}"}""", "tenantName" },
        { """{"email":"ok@example.test","password":"long enough password","isAdmin":true}""", "isAdmin" },
        { """{"email":"ok@example.test"}""", "password" },
        { """{"email":"ok@example.test","password":"short"}""", "password" },
        { """{"email":"ok@example.test","password":"qwertyuiop123"}""", "password" },
        { """{"email":"ok@example.test","password":12}""", "password" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_sign_up_input_is_a_400_problem_naming_the_field(string body, string field)
    {
        using var origin = system.CreateClient();

        using var response = await origin.Http.PostAsync("/api/account/register", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem_naming_the_content_type()
    {
        using var origin = system.CreateClient();

        using var response = await origin.Http.PostAsync("/api/account/register", new StringContent("email=a@b.c", Encoding.UTF8, "text/plain"));
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Content-Type", problem!.Errors.Keys);
    }

    public sealed record ValidationProblem(int Status, Dictionary<string, string[]> Errors);
}
