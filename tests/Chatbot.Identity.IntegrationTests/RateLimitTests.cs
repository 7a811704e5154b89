using System.Net;
using System.Net.Http.Json;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// Per-IP limits on sign-up, login, verification and password reset: past the limit a 429 problem with Retry-After,
/// and a fresh X-Forwarded-For on every request (chat does not trust the caller as a proxy) changes nothing.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class RateLimitTests(IdentitySystemFixture system)
{
    public static TheoryData<string> Policies => ["register", "login", "verification", "password-reset"];

    private static HttpRequestMessage Attempt(string policy) => policy switch
    {
        "register" => new(HttpMethod.Post, "/api/account/register")
        {
            Content = JsonContent.Create(new { email = ChatOrigin.NewEmail("flood"), password = "short" }),
        },
        "login" => new(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = ChatOrigin.ClientId,
                ["username"] = ChatOrigin.NewEmail("flood"), ["password"] = "guess-guess-guess",
            }),
        },
        "verification" => new(HttpMethod.Post, "/api/account/resend-verification")
        {
            Content = JsonContent.Create(new { email = ChatOrigin.NewEmail("flood") }),
        },
        _ => new(HttpMethod.Post, "/api/account/forgot-password") { Content = JsonContent.Create(new { email = ChatOrigin.NewEmail("flood") }) },
    };

    private static int LimitOf(string policy) => policy switch
    {
        "register" => IdentitySystemFixture.RegisterLimit,
        "login" => IdentitySystemFixture.LoginLimit,
        "verification" => IdentitySystemFixture.VerificationLimit,
        _ => IdentitySystemFixture.PasswordResetLimit,
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Past_the_limit_an_ip_gets_429_with_retry_after_even_with_a_spoofed_forwarded_for(string policy)
    {
        using var origin = system.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;

        for (var i = 0; i <= LimitOf(policy); i++)
        {
            using var request = Attempt(policy);
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            last?.Dispose();
            last = await origin.Http.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(LimitOf(policy)));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }

    [Fact]
    public async Task Another_address_keeps_its_own_budget()
    {
        using var flooder = system.CreateClient();
        for (var i = 0; i <= IdentitySystemFixture.VerificationLimit; i++)
        {
            using var request = Attempt("verification");
            (await flooder.Http.SendAsync(request)).Dispose();
        }
        using var neighbour = system.CreateClient();

        using var response = await neighbour.Http.SendAsync(Attempt("verification"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
