using System.Diagnostics;
using System.Net;

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

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
