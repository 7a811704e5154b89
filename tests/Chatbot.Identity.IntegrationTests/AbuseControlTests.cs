using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Chatbot.Identity.IntegrationTests;

[Collection(IdentityCollection.Name)]
public sealed class AbuseControlTests(IdentitySystemFixture system)
{
    [Fact]
    public async Task Five_failed_logins_lock_the_account_so_even_the_right_password_fails()
    {
        using var origin = system.CreateClient();
        var (email, password, _) = await origin.SignUpAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_grant", (await origin.LoginAsync(email, "wrong-password-" + i)).Error);
        }
        var locked = await origin.LoginAsync(email, password);

        Assert.Equal("invalid_grant", locked.Error);
        Assert.Null(locked.AccessToken);
    }

    [Fact]
    public async Task Fewer_than_five_failures_do_not_lock()
    {
        using var origin = system.CreateClient();
        var (email, password, _) = await origin.SignUpAsync();

        for (var i = 0; i < 4; i++)
        {
            await origin.LoginAsync(email, "wrong-password-" + i);
        }

        Assert.NotNull((await origin.LoginAsync(email, password)).AccessToken);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_give_the_same_answer_in_about_the_same_time()
    {
        using var origin = system.CreateClient();
        var (email, _, _) = await origin.SignUpAsync();
        await origin.LoginAsync(ChatOrigin.NewEmail("warm-up"), "whatever-password");

        var wrong = new List<double>();
        var unknown = new List<double>();
        TokenResponse? wrongAnswer = null, unknownAnswer = null;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            wrongAnswer = await origin.LoginAsync(email, "not-the-password-" + i);
            wrong.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            unknownAnswer = await origin.LoginAsync(ChatOrigin.NewEmail("nobody"), "not-the-password-" + i);
            unknown.Add(clock.Elapsed.TotalMilliseconds);
        }

        Assert.Equal(wrongAnswer, unknownAnswer);
        var ratio = Median(unknown) / Median(wrong);
        Assert.InRange(ratio, 0.4, 2.5);
    }

    [Fact]
    public async Task Password_reset_is_limited_per_ip_with_429_and_retry_after_even_with_a_spoofed_forwarded_for()
    {
        using var origin = system.CreateClientFromOwnAddress();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;

        for (var i = 0; i <= IdentitySystemFixture.PasswordResetLimit; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/forgot-password")
            {
                Content = JsonContent.Create(new { email = ChatOrigin.NewEmail("reset") }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            last?.Dispose();
            last = await origin.Http.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(IdentitySystemFixture.PasswordResetLimit), s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
