using System.Net;
using System.Net.Sockets;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// Real Redis and RabbitMQ, the real worker (<see cref="Program"/>) on a real Kestrel port, and a separate test bus on
/// the same broker that publishes <see cref="GenerateReply"/> and records what the worker publishes.
/// The worker's chain: "primary" = the real Semantic Kernel OpenAI connector pointed at the worker's own simulator
/// endpoint (<c>/simulators/primary/v1</c>); "fallback" = the in-process simulator.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private LocalInfrastructure _infra = null!;
    private IBusControl _testBus = null!;

    public WebApplicationFactory<Program> Worker { get; private set; } = null!;
    public IConnectionMultiplexer Redis { get; private set; } = null!;
    public MessageRecorder Recorder { get; } = new();
    public IBus Bus => _testBus;

    public async Task InitializeAsync()
    {
        _infra = await LocalInfrastructure.StartAsync();
        Redis = await ConnectionMultiplexer.ConnectAsync(_infra.RedisConnectionString);
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = _infra.RedisConnectionString,
            ["ConnectionStrings:rabbitmq"] = _infra.RabbitMqConnectionString,
            ["Inference:MaxConcurrency"] = "8",
            ["Inference:Prefetch"] = "8",
            ["Inference:Resilience:MaxRetries"] = "2",
            ["Inference:Resilience:BaseDelayMilliseconds"] = "50",
            ["Inference:Resilience:BreakerMinimumThroughput"] = "1000",
            ["Inference:Providers:0:Type"] = "OpenAICompatible",
            ["Inference:Providers:0:Name"] = "primary",
            ["Inference:Providers:0:Endpoint"] = $"http://127.0.0.1:{port}/simulators/primary/v1",
            ["Inference:Providers:0:Model"] = "simulator",
            ["Inference:Providers:0:InputPricePerMillion"] = "1",
            ["Inference:Providers:0:OutputPricePerMillion"] = "2",
            ["Inference:Providers:0:TimeoutSeconds"] = "5",
            ["Inference:Providers:1:Type"] = "Simulator",
            ["Inference:Providers:1:Name"] = "fallback",
            ["Inference:Providers:1:InputPricePerMillion"] = "3",
            ["Inference:Providers:1:OutputPricePerMillion"] = "4",
            ["Inference:Simulator:FirstTokenLatencyMilliseconds"] = "20",
            ["Inference:Simulator:TokensPerSecond"] = "400",
            ["Inference:Simulator:ReplyTokens"] = "20",
        };
        Worker = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        });
        Worker.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        Worker.StartServer();
        using (var http = new HttpClient())
        {
            (await http.GetAsync($"http://127.0.0.1:{port}/alive")).EnsureSuccessStatusCode();
        }

        _testBus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(_infra.RabbitMqConnectionString));
            rabbit.ReceiveEndpoint("inference-tests-" + Guid.NewGuid().ToString("N"), e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<ReplyGenerated>(c => Record(c.Message));
                e.Handler<ReplyFailed>(c => Record(c.Message));
                e.Handler<UsageRecorded>(c => Record(c.Message));
            });
        });
        await _testBus.StartAsync();
    }

    private Task Record(object message)
    {
        Recorder.Add(message);
        return Task.CompletedTask;
    }

    public static GenerateReply Request(string userText, string tier = "pro") => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        tier, 7, [new ChatTurn("system", "You are a helpful assistant."), new ChatTurn("user", userText)], 256);

    /// <summary>Polls the reply's stream until an entry of one of <paramref name="types"/> appears; returns every entry.</summary>
    public async Task<IReadOnlyList<StreamEntry>> ReadStreamUntilAsync(Guid replyId, TimeSpan timeout, params string[] types)
    {
        var entries = new List<StreamEntry>();
        var last = "0-0";
        var deadline = DateTime.UtcNow + timeout;
        var db = Redis.GetDatabase();
        while (DateTime.UtcNow < deadline)
        {
            foreach (var e in await db.StreamReadAsync(ReplyStreamProtocol.StreamKey(replyId), last))
            {
                entries.Add(new StreamEntry(e.Id!, e[ReplyStreamProtocol.TypeField]!, e[ReplyStreamProtocol.DataField]!, DateTimeOffset.UtcNow));
                last = e.Id!;
            }
            if (entries.Any(e => types.Contains(e.Type))) return entries;
            await Task.Delay(10);
        }
        throw new TimeoutException($"Stream of {replyId} had no {string.Join("/", types)} in {timeout}: {string.Join(", ", entries.Select(e => e.Type))}");
    }

    public async Task DisposeAsync()
    {
        if (_testBus is not null) await _testBus.StopAsync();
        if (Worker is not null) await Worker.DisposeAsync();
        Redis?.Dispose();
        if (_infra is not null) await _infra.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
