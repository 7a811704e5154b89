using System.Net.Http.Headers;
using System.Security.Cryptography;
using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Tokens;

/// <summary>
/// Tampered bearer tokens against every service that validates them (chat through the public origin; identity, billing
/// and moderation directly): each is 401 problem details. A token re-signed with identity's real key and the original
/// claims is accepted, which proves each rejection comes from the one thing the case changed.
/// </summary>
[Collection(SecuritySystemCollection.Name)]
public sealed class JwtTamperingTests(SecuritySystemFixture system)
{
    /// <summary>A route each service protects that tenant A's admin may call.</summary>
    private static readonly (string Service, string Path)[] Targets =
    [
        ("chat", "/api/me"), ("identity", "/api/tenant/"), ("billing", "/api/usage/"), ("moderation", "/api/moderation/reviews/"),
    ];

    public static TheoryData<string> Tamperings =>
    [
        "alg none", "alg none without signature", "wrong key, same kid", "wrong key, unknown kid", "HS256 with a guessable secret",
        "payload: other tenant", "payload: other user", "payload: promoted to platform admin", "signature stripped",
        "expired (real key)", "other issuer (real key)", "other audience (real key)", "no kid (real key)", "typ JWT (real key)",
        "no exp (real key)",
    ];

    [Fact]
    public async Task The_original_token_and_a_faithful_re_signing_are_accepted_everywhere()
    {
        var original = system.TenantA.Admin.AccessToken;
        var resigned = Jwt.Parse(original).Encode(await RealKeyAsync());

        foreach (var token in (string[])[original, resigned])
        {
            foreach (var (service, path) in Targets)
            {
                var answer = await CallAsync(service, path, token);
                Assert.True(answer.Status == 200, answer.ToString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_token_is_401_problem_details_on_every_service(string tampering)
    {
        var token = await TamperAsync(tampering);

        foreach (var (service, path) in Targets)
        {
            var answer = await CallAsync(service, path, token);
            Assert.True(answer.Status == 401 && answer.IsProblemDetails, $"{tampering} [{service}]: {answer}");
        }
    }

    private async Task<string> TamperAsync(string tampering)
    {
        var jwt = Jwt.Parse(system.TenantA.Admin.AccessToken);
        var b = system.TenantB;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return tampering switch
        {
            "alg none" => jwt.With((h, _) => h["alg"] = "none").Encode(),
            "alg none without signature" => jwt.With((h, _) => h["alg"] = "none").Encode()[..^jwt.Signature.Length],
            "wrong key, same kid" => jwt.Encode(RSA.Create(2048)),
            "wrong key, unknown kid" => jwt.With((h, _) => h["kid"] = "attacker-key").Encode(RSA.Create(2048)),
            "HS256 with a guessable secret" => Hs256(jwt.With((h, _) => h["alg"] = "HS256")),
            "payload: other tenant" => jwt.With((_, p) => p["tenant_id"] = b.TenantId.ToString()).Encode(),
            "payload: other user" => jwt.With((_, p) => p["sub"] = b.UserId.ToString()).Encode(),
            "payload: promoted to platform admin" => jwt.With((_, p) => p["role"] = "platform-admin").Encode(),
            "signature stripped" => jwt.Encode()[..^jwt.Signature.Length],
            "expired (real key)" => jwt.With((_, p) =>
            {
                p["iat"] = now - 1200;
                p["nbf"] = now - 1200;
                p["exp"] = now - 300; // beyond the 30 s clock skew
            }).Encode(await RealKeyAsync()),
            "other issuer (real key)" => jwt.With((_, p) => p["iss"] = "https://issuer.attacker.example/").Encode(await RealKeyAsync()),
            "other audience (real key)" => jwt.With((_, p) => p["aud"] = "some-other-api").Encode(await RealKeyAsync()),
            "no kid (real key)" => jwt.With((h, _) => h.Remove("kid")).Encode(await RealKeyAsync()),
            "typ JWT (real key)" => jwt.With((h, _) => h["typ"] = "JWT").Encode(await RealKeyAsync()),
            "no exp (real key)" => jwt.With((_, p) => p.Remove("exp")).Encode(await RealKeyAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
        };
    }

    private static string Hs256(Jwt jwt)
    {
        var unsigned = jwt.Encode()[..^jwt.Signature.Length];
        var mac = HMACSHA256.HashData("secret"u8, System.Text.Encoding.ASCII.GetBytes(unsigned.TrimEnd('.')));
        return unsigned + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(mac);
    }

    private async Task<RSA> RealKeyAsync() =>
        (await IdentitySigningKey.LoadAsync((await system.App.GetConnectionStringAsync("identitydb"))!)).Rsa;

    private async Task<Answer> CallAsync(string service, string path, string token)
    {
        using var client = system.Anonymous(service);
        return await Answer.SendAsync(client, "GET", path, null,
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
    }
}
