using System.Collections.Concurrent;
using System.Diagnostics;
using Chatbot.ChaosDrills.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.ChaosDrills;

/// <summary>Drill 2: RabbitMQ restarts while users keep sending; every 202-accepted message still gets its reply.</summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Chaos")]
public sealed class RabbitMqRestartDrill(DrillSystemFixture system, ITestOutputHelper output)
{
    private const string Slow = "Explain queues. [[sim:tokens=20;tps=10]]";

    [Fact]
    public async Task Restarting_RabbitMQ_under_load_loses_no_accepted_message()
    {
        var users = await TurnLoad.SignUpAsync(system, 5);
        var databases = new DrillDatabases(system.App);
        var accepted = new ConcurrentBag<(AcceptedTurn Turn, bool DuringOutage)>();
        var outage = false;
        using var stopSending = new CancellationTokenSource();
        try
        {
            var senders = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                var user = users[i % users.Count];
                while (!stopSending.IsCancellationRequested)
                {
                    var conversation = await user.CreateConversationAsync();
                    var wasDown = Volatile.Read(ref outage);
                    accepted.Add((await user.SendAsync(conversation, Slow), wasDown));
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(3));
            var restart = Stopwatch.StartNew();
            await system.App.StopResourceAsync("rabbitmq");
            Volatile.Write(ref outage, true);
            await Task.Delay(TimeSpan.FromSeconds(5));
            Volatile.Write(ref outage, false);
            await system.App.StartResourceAsync("rabbitmq");
            restart.Stop();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stopSending.CancelAsync();
            await Task.WhenAll(senders); // a sender that saw anything but 202 fails the drill here

            Assert.Contains(accepted, a => a.DuringOutage);
            var turns = accepted.Select(a => a.Turn).ToList();
            var drained = Stopwatch.StartNew();
            var during = accepted.Count(a => a.DuringOutage);
            await ExactlyOnce.AssertEveryTurnRepliedOnceAsync(databases, turns, TimeSpan.FromMinutes(4),
                $"{during} accepted while RabbitMQ was down, restart took {restart.Elapsed.TotalSeconds:0} s");
            output.WriteLine($"{turns.Count} accepted ({during} while RabbitMQ was down, restart {restart.Elapsed.TotalSeconds:0} s); all replied once, {drained.Elapsed.TotalSeconds:0} s after sending stopped");
        }
        finally
        {
            await stopSending.CancelAsync();
            users.ForEach(u => u.Dispose());
        }
    }
}
