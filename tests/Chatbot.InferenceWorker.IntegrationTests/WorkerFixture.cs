extern alias worker;

using System.Net;
using System.Net.Sockets;
using Chatbot.Aspire.Testing;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.Simulator;
using Chatbot.TestSupport;
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
public class WorkerFixture : IAsyncLifetime
{
    private DistributedApplication _infra = null!;
    private IBusControl _testBus = null!;

    /// <summary>The shared secret tool signatures derive from (<c>ServiceAuth:Credential</c>).</summary>
    public const string ServiceCredential = "worker-tests-service-credential-0123456789";

    public WebApplicationFactory<worker::Program> Worker { get; private set; } = null!;
    public IConnectionMultiplexer Redis { get; private set; } = null!;
    public MessageRecorder Recorder { get; } = new();
    public IBus Bus => _testBus;
    public string RabbitMqConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _infra = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token)).WithServices().BuildAsync(timeout.Token);
        await _infra.StartAsync(timeout.Token);
        var redis = await _infra.GetConnectionStringAsync("redis", timeout.Token) ?? throw new InvalidOperationException("No redis connection string.");
        var rabbitMq = await _infra.GetConnectionStringAsync("rabbitmq", timeout.Token) ?? throw new InvalidOperationException("No rabbitmq connection string.");
        Redis = await ConnectionMultiplexer.ConnectAsync(redis);
        RabbitMqConnectionString = rabbitMq;
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            ["Inference:Providers:0:MaxConcurrentRequests"] = "8",
            ["Inference:Queue:Capacity"] = "8",
            ["Inference:Queue:UpdateIntervalMilliseconds"] = "100",
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
            ["ServiceAuth:Credential"] = ServiceCredential,
            ["Inference:Tools:ApprovalTimeoutSeconds"] = "20",
        };
        Configure(settings);
        Worker = new WebApplicationFactory<worker::Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureServices(services => services.WaitForBusOnStart());
        });
        Worker.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        Worker.StartServer();
        using (var http = new HttpClient())
        {
            (await http.GetAsync($"http://127.0.0.1:{port}/alive")).EnsureSuccessStatusCode();
        }

        _testBus = await TestBus.StartAsync(rabbitMq, Recorder);
    }

    /// <summary>Changes the worker's settings before it starts (a fixture with other provider limits).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public static GenerateReply Request(string userText, string tier = "pro") => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        tier, 7, [new ChatTurn("system", "You are a helpful assistant."), new ChatTurn("user", userText)], 256);

    /// <summary>A request moderation passed (<c>Moderated</c>): the user's message alone, its output context expected in Redis.</summary>
    public static GenerateReply ModeratedRequest(string userText)
    {
        var request = Request(userText);
        return request with { Messages = [request.Messages[^1]], Moderated = true };
    }

    /// <summary>Writes the output context moderation leaves for a passed request: its canary and placeholder mapping.</summary>
    public Task WriteOutputContextAsync(Guid replyId, string? canary = null, Dictionary<string, string>? placeholders = null) =>
        Redis.GetDatabase().StringSetAsync(ModerationProtocol.ContextKey(replyId),
            JsonSerializer.Serialize(new { canary, placeholders = placeholders ?? [] }), TimeSpan.FromMinutes(5));

    /// <summary>
    /// Runs the worker's real <c>ReplyGenerator</c> on <paramref name="request"/> with <paramref name="publisher"/> as the
    /// broker, as a first delivery unless <paramref name="redelivered"/>; <paramref name="replacing"/> stands in for the
    /// worker's own services of the same types (a provider chain, the output moderation).
    /// </summary>
    public async Task GenerateDirectAsync(GenerateReply request, IPublishEndpoint publisher, bool redelivered = false, params object[] replacing)
    {
        await using var scope = Worker.Services.CreateAsyncScope();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await ActivatorUtilities.CreateInstance<worker::Chatbot.InferenceWorker.Generation.ReplyGenerator>(scope.ServiceProvider, [publisher, .. replacing])
            .GenerateAsync(request, firstDelivery: !redelivered, timeout.Token);
    }

    /// <summary>What the worker's simulator, as provider <c>primary</c>, answers to <paramref name="request"/>.</summary>
    public SimulationPlan PlanOf(GenerateReply request) => Worker.Services.GetRequiredService<ProviderSimulator>()
        .Plan([.. request.Messages.Select(m => new SimulatedMessage(m.Role, m.Content))], request.MaxOutputTokens, "primary");

    public Task<IReadOnlyList<StreamEntry>> ReadStreamUntilAsync(Guid replyId, TimeSpan timeout, params string[] types) =>
        ReplyStreamReader.ReadUntilAsync(Redis, replyId, timeout, types);

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
