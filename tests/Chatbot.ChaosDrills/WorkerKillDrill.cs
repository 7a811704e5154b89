using System.Diagnostics;
using Chatbot.AppHost.Orchestration;
using Chatbot.ChaosDrills.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.ChaosDrills;

/// <summary>Drill 1: SIGKILL an inference worker while 500 replies are in flight; a second worker takes over.</summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class WorkerKillDrill(DrillSystemFixture system, ITestOutputHelper output)
{
    private const int Turns = 500;

    [Fact]
    public async Task Killing_a_worker_during_500_in_flight_replies_completes_every_reply_exactly_once()
    {
        await system.App.StartReplicaAsync(DrillSystemFixture.Worker);
        var replica = system.App.ResourceNotifications.Snapshots
            .Last(s => s.Name.StartsWith(DrillSystemFixture.Worker + "-replica-", StringComparison.Ordinal) && s.Pid is not null).Name;
        var users = await TurnLoad.SignUpAsync(system, 10);
        var databases = new DrillDatabases(system.App);
        try
        {
            // 30 s per reply and 256 slots per worker: when the last of the 500 is accepted, most are still generating.
            var turns = await TurnLoad.SendAsync(users, Turns, "Tell me a long story. [[sim:tokens=30;tps=1]]");
            Assert.Equal(Turns, turns.Count);
            var conversations = turns.Select(t => t.ConversationId).ToList();

            await system.App.KillResourceAsync(DrillSystemFixture.Worker);
            var killed = await system.App.ResourceNotifications.WaitForResourceAsync(DrillSystemFixture.Worker, KnownResourceStates.Exited)
                .WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(137, killed.ExitCode);
            var inFlightAtKill = (await databases.AssistantMessagesAsync(conversations)).Count(r => r.Status != "completed");
            Assert.True(inFlightAtKill >= Turns / 4, $"only {inFlightAtKill} replies were unfinished at the kill: the drill proved little");
            var recovery = Stopwatch.StartNew();

            await ExactlyOnce.AssertEveryTurnRepliedOnceAsync(databases, turns, TimeSpan.FromMinutes(4), $"{inFlightAtKill} unfinished at the kill");
            output.WriteLine($"{inFlightAtKill}/{Turns} replies unfinished at the kill; all {Turns} completed once, {recovery.Elapsed.TotalSeconds:0} s after it");
        }
        finally
        {
            users.ForEach(u => u.Dispose());
            await system.App.StartResourceAsync(DrillSystemFixture.Worker);
            await system.App.StopResourceAsync(replica); // the next drill starts from one worker again
        }
    }
}
