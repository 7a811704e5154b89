using System.Text.Json;
using Chatbot.ChaosDrills.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.ChaosDrills;

/// <summary>Drill 4: the primary provider answers 429 to everything; the fallback provider takes the load and nothing is dropped.</summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class ProviderRateLimitStormDrill(DrillSystemFixture system, ITestOutputHelper output)
{
    private const int Turns = 400;

    // Every request to "primary" fails 429 (Retry-After 1 s); the fallback streams 30 tokens at 2/s (15 s), so 400 turns
    // outrun the worker's 256 slots and the rest wait in the queue.
    private const string Storm = "Summarise the news. [[sim:fail=429;retry-after=1;provider=primary]] [[sim:tokens=30;tps=2]]";

    [Fact]
    public async Task A_429_storm_from_the_primary_provider_falls_back_queues_and_drops_nothing()
    {
        var users = await TurnLoad.SignUpAsync(system, 5);
        var databases = new DrillDatabases(system.App);
        await using var queues = await QueueProbe.ConnectAsync((await system.App.GetConnectionStringAsync("rabbitmq"))!);
        try
        {
            using var sampling = new CancellationTokenSource();
            var peak = queues.PeakDepthAsync(QueueProbe.GenerateReply, sampling.Token);
            var turns = await TurnLoad.SendAsync(users, Turns, Storm);
            var conversations = turns.Select(t => t.ConversationId).ToList();

            var replies = await Eventually.HoldsAsync(() => databases.AssistantMessagesAsync(conversations),
                rows => rows.Count(r => r.Status != "pending" && r.Status != "streaming") == Turns, TimeSpan.FromMinutes(4),
                rows => $"{rows.Count(r => r.Status == "completed")}/{Turns} completed, {rows.Count(r => r.Status == "failed")} failed");
            await sampling.CancelAsync();

            Assert.Equal(Turns, turns.Count);
            Assert.All(replies, r => Assert.Equal("completed", r.Status));
            Assert.All(replies, r => Assert.Equal(DrillSystemFixture.FallbackProvider, r.Provider));
            output.WriteLine($"{Turns} turns under a 429 storm: all completed by '{DrillSystemFixture.FallbackProvider}', generate-reply queue peaked at {await peak} waiting");
            Assert.True(await peak > 0, "the generate-reply queue never held a waiting request: the storm did not back up");
            Assert.Equal(0u, await queues.DepthAsync(QueueProbe.GenerateReply + "_error"));

            // What the user sees: the stream's final event names the fallback provider.
            foreach (var turn in turns.Take(10))
            {
                var events = await turn.User.ReadStreamAsync(turn.StreamUrl, TimeSpan.FromSeconds(30));
                Assert.Equal("done", events[^1].Type);
                using var done = JsonDocument.Parse(events[^1].Data);
                Assert.Equal(DrillSystemFixture.FallbackProvider, done.RootElement.GetProperty("provider").GetString());
            }
        }
        finally
        {
            users.ForEach(u => u.Dispose());
        }
    }
}
