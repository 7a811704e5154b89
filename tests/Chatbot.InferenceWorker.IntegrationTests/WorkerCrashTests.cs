using Chatbot.Aspire.Testing;
using Chatbot.Contracts.Inference;
using MassTransit;
using StackExchange.Redis;
using static Chatbot.Contracts.Inference.ReplyStreamProtocol;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>The worker as a real process started by the AppHost test builder, killed with SIGKILL in the middle of a reply.</summary>
public sealed class WorkerCrashTests : IAsyncLifetime
{
    private const string Worker = "inference-worker";
    private readonly MessageRecorder _recorder = new();
    private DistributedApplication _app = null!;
    private IBusControl _bus = null!;
    private IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _app = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices(Worker)
            .WithEnvironment(Worker, "Inference__Simulator__FirstTokenLatencyMilliseconds", "20")
            .BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        _redis = await ConnectionMultiplexer.ConnectAsync((await _app.GetConnectionStringAsync("redis", timeout.Token))!);
        _bus = await TestBus.StartAsync((await _app.GetConnectionStringAsync("rabbitmq", timeout.Token))!, _recorder);
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
        _redis?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_killed_mid_reply_leaves_the_request_unacked_and_the_next_worker_resets_and_completes_it()
    {
        var request = WorkerFixture.Request("Crash drill [[sim:tokens=120;tps=30]]");

        await _bus.Publish(request);
        var before = await WaitForTokensAsync(request.ReplyId, count: 3);
        await _app.KillResourceAsync(Worker);
        await _app.StartResourceAsync(Worker);
        var entries = await ReplyStreamReader.ReadUntilAsync(_redis, request.ReplyId, TimeSpan.FromSeconds(60), Done, Error);
        var generated = await _recorder.WaitForAsync<ReplyGenerated>(request.ReplyId);
        await Task.Delay(500);

        Assert.True(before >= 3);
        var types = entries.Select(e => e.Type).ToList();
        var reset = types.LastIndexOf(Reset);
        Assert.True(reset >= 3, $"a reset follows the dead worker's tokens: {string.Join(",", types)}");
        Assert.Equal(Done, types[^1]);
        Assert.Equal(ReplyStreamReader.Text(entries.Skip(reset)), generated.Content);
        Assert.Single(_recorder.All<ReplyGenerated>(request.ReplyId));
        Assert.DoesNotContain(_app.GetLogLines(Worker), line => line.Contains("Crash drill", StringComparison.Ordinal)); // no prompt text in logs
    }

    private async Task<int> WaitForTokensAsync(Guid replyId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var length = await _redis.GetDatabase().StreamLengthAsync(StreamKey(replyId));
            if (length >= count) return (int)length;
            await Task.Delay(20);
        }
        throw new TimeoutException("The worker streamed no tokens.");
    }
}
