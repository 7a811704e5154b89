using System.Diagnostics;
using System.Net.Http.Json;

namespace Chatbot.Benchmarks;

/// <summary>The measurements of issue 3, each at one level of concurrency (N clients working at once).</summary>
public sealed class Scenarios(IReadOnlyList<ChatApi> users, Uri simulator, int requestsPerClient, TimeSpan sustainedFor)
{
    private ChatApi User(int i) => users[i % users.Count];

    /// <summary>POST message latency (202), N clients each sending requestsPerClient messages back to back.</summary>
    public async Task<Stats> PostMessageAsync(int concurrency)
    {
        var stats = new Stats();
        await RunAsync(concurrency, async i =>
        {
            var conversation = await User(i).CreateConversationAsync();
            for (var r = 0; r < requestsPerClient; r++)
            {
                stats.Add((await User(i).SendAsync(conversation, $"benchmark message {r}")).Milliseconds);
            }
        });
        return stats;
    }

    public async Task<Stats> ListConversationsAsync(int concurrency)
    {
        var stats = new Stats();
        await RunAsync(concurrency, async i =>
        {
            for (var r = 0; r < requestsPerClient; r++)
            {
                stats.Add(await User(i).ListConversationsAsync());
            }
        });
        return stats;
    }

    /// <summary>Time to first token through chat (POST → first SSE token) at N concurrent streams.</summary>
    public async Task<Stats> TimeToFirstTokenThroughSystemAsync(int concurrency)
    {
        var stats = new Stats();
        await RunAsync(concurrency, async i =>
        {
            var conversation = await User(i).CreateConversationAsync();
            for (var r = 0; r < Math.Max(1, requestsPerClient / 4); r++)
            {
                var started = Stopwatch.GetTimestamp();
                var (streamUrl, _) = await User(i).SendAsync(conversation, "time to first token");
                stats.Add(await User(i).ReadStreamAsync(streamUrl, started));
            }
        });
        return stats;
    }

    /// <summary>Time to first token straight from the simulator's OpenAI-compatible endpoint at N concurrent streams.</summary>
    public async Task<Stats> TimeToFirstTokenDirectAsync(int concurrency)
    {
        var stats = new Stats();
        using var client = new HttpClient { BaseAddress = simulator, Timeout = TimeSpan.FromMinutes(5) };
        await RunAsync(concurrency, async _ =>
        {
            for (var r = 0; r < Math.Max(1, requestsPerClient / 4); r++)
            {
                await DirectTurnAsync(client, stats);
            }
        });
        return stats;
    }

    private static async Task DirectTurnAsync(HttpClient client, Stats stats)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = "simulator", stream = true, messages = new[] { new { role = "user", content = "time to first token" } } }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = true;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (first && line.StartsWith("data: {", StringComparison.Ordinal))
            {
                stats.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                first = false;
            }
        }
    }

    /// <summary>Completed turns per second with N clients each running turns (POST + stream to done) back to back.</summary>
    public async Task<double> SustainedTurnsPerSecondAsync(int concurrency)
    {
        var completed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(sustainedFor.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await RunAsync(concurrency, async i =>
        {
            var conversation = await User(i).CreateConversationAsync();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var (streamUrl, _) = await User(i).SendAsync(conversation, "sustained");
                await User(i).ReadStreamAsync(streamUrl, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref completed);
            }
        });
        return completed / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static Task RunAsync(int concurrency, Func<int, Task> client) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => client(i))));
}
