using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Chatbot.ChaosDrills.Infrastructure;

namespace Chatbot.ChaosDrills;

/// <summary>Drill 3: PostgreSQL down for 10 s. Non-AI routes fail fast with 503 problem details and recover on their own.</summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class PostgresOutageDrill(DrillSystemFixture system)
{
    /// <summary>Generous for a loaded 2-core machine; a hang would run into Npgsql's 15 s connect / 30 s command timeouts.</summary>
    private static readonly TimeSpan FastAnswer = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Non_AI_routes_answer_503_problem_details_quickly_while_PostgreSQL_is_down_and_200_after_it_is_back()
    {
        using var user = await system.SignUpAsync();
        var conversation = await user.CreateConversationAsync();
        string[] routes = ["/api/conversations", $"/api/conversations/{conversation}", $"/api/conversations/{conversation}/messages"];
        foreach (var route in routes)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(route)).StatusCode);
        }

        await system.App.StopResourceAsync("postgres");
        var down = Stopwatch.StartNew();
        var answers = 0;
        try
        {
            while (down.Elapsed < Outage)
            {
                foreach (var route in routes)
                {
                    await AssertFast503Async(() => user.Client.GetAsync(route), $"GET {route}");
                    answers++;
                }
                await AssertFast503Async(() => user.Client.PostAsJsonAsync("/api/conversations", new { title = "during outage" }), "POST /api/conversations");
            }
        }
        finally
        {
            await system.App.StartResourceAsync("postgres");
        }
        Assert.True(answers >= routes.Length, "no request was made during the outage");

        // Recovery without restarting chat: the same routes answer 200 again once PostgreSQL is back.
        foreach (var route in routes)
        {
            await Eventually.HoldsAsync(async () => (await user.Client.GetAsync(route)).StatusCode, s => s == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), s => $"GET {route} still answers {(int)s}");
        }
        using var created = await user.Client.PostAsJsonAsync("/api/conversations", new { title = "after outage" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, system.App.ResourceNotifications.GetSnapshot("chat")?.Restarts ?? 0);
    }

    private static async Task AssertFast503Async(Func<Task<HttpResponseMessage>> send, string what)
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
    }
}
