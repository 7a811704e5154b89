using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Chatbot.ChaosDrills.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.ChaosDrills;

/// <summary>
/// Drill 3: PostgreSQL unavailable for 10 s, once stopped (port closed) and once paused with SIGSTOP (port open, no
/// answer: a hung or throttled server). Non-AI routes fail fast with 503 problem details and recover on their own.
/// </summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class PostgresOutageDrill(DrillSystemFixture system, ITestOutputHelper output)
{
    /// <summary>Generous for a loaded 2-core machine; a hang would run into Npgsql's 15 s connect / 30 s command timeouts.</summary>
    private static readonly TimeSpan FastAnswer = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Non_AI_routes_answer_503_problem_details_quickly_while_PostgreSQL_is_stopped_and_200_after_it_is_back()
    {
        using var user = await system.SignUpAsync();
        var routes = await RoutesAsync(user);

        await system.App.StopResourceAsync("postgres");
        try
        {
            await AssertFast503sAsync(user, routes);
        }
        finally
        {
            await system.App.StartResourceAsync("postgres");
        }
        await AssertRecoveredAsync(user, routes);
    }

    [Fact]
    public async Task Non_AI_routes_answer_503_problem_details_quickly_while_PostgreSQL_hangs_and_200_after_it_answers_again()
    {
        using var user = await system.SignUpAsync();
        var routes = await RoutesAsync(user);

        await system.App.PauseResourceAsync("postgres");
        try
        {
            // Chat's probe needs two failed probes (up to 3 s each) to call it an outage; until then a request waits.
            using var impatient = new HttpClient { BaseAddress = user.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            impatient.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
            var detected = Stopwatch.StartNew();
            await Eventually.HoldsAsync(() => StatusOrTimeoutAsync(impatient, routes[0]), s => s == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), s => $"GET {routes[0]} answered {s?.ToString() ?? "nothing (timeout)"} while PostgreSQL hung");
            output.WriteLine($"hung PostgreSQL detected after {detected.Elapsed.TotalSeconds:0.0} s");
            await AssertFast503sAsync(user, routes);
        }
        finally
        {
            await system.App.ResumeResourceAsync("postgres");
        }
        await AssertRecoveredAsync(user, routes);
    }

    private static async Task<string[]> RoutesAsync(ChatUser user)
    {
        var conversation = await user.CreateConversationAsync();
        string[] routes = ["/api/conversations", $"/api/conversations/{conversation}", $"/api/conversations/{conversation}/messages"];
        foreach (var route in routes)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(route)).StatusCode);
        }
        return routes;
    }

    private async Task AssertFast503sAsync(ChatUser user, string[] routes)
    {
        var down = Stopwatch.StartNew();
        var answers = 0;
        var slowest = TimeSpan.Zero;
        while (down.Elapsed < Outage)
        {
            foreach (var route in routes)
            {
                slowest = Max(slowest, await AssertFast503Async(() => user.Client.GetAsync(route), $"GET {route}"));
                answers++;
            }
            slowest = Max(slowest, await AssertFast503Async(() => user.Client.PostAsJsonAsync("/api/conversations", new { title = "during outage" }), "POST /api/conversations"));
            answers++;
        }
        output.WriteLine($"{answers} requests during the outage, all 503 problem details, slowest {slowest.TotalMilliseconds:0} ms");
    }

    private async Task AssertRecoveredAsync(ChatUser user, string[] routes)
    {
        var back = Stopwatch.StartNew();
        foreach (var route in routes)
        {
            await Eventually.HoldsAsync(async () => (await user.Client.GetAsync(route)).StatusCode, s => s == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), s => $"GET {route} still answers {(int)s}");
        }
        using var created = await user.Client.PostAsJsonAsync("/api/conversations", new { title = "after outage" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, system.App.ResourceNotifications.GetSnapshot("chat")?.Restarts ?? 0); // recovered without a restart
        output.WriteLine($"all routes 200 again {back.Elapsed.TotalSeconds:0.0} s after PostgreSQL was back");
    }

    private static async Task<TimeSpan> AssertFast503Async(Func<Task<HttpResponseMessage>> send, string what)
    {
        var timer = Stopwatch.StartNew();
        using var response = await send();
        timer.Stop();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("postgresql", body, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(timer.Elapsed < FastAnswer, $"{what} took {timer.Elapsed.TotalMilliseconds:0} ms to answer 503");
        return timer.Elapsed;
    }

    private static async Task<HttpStatusCode?> StatusOrTimeoutAsync(HttpClient client, string route)
    {
        try
        {
            using var response = await client.GetAsync(route);
            return response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
