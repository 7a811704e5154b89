using System.Collections.Concurrent;
using Chatbot.Aspire.Testing;
using Chatbot.Contracts.Audit;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ from the test builder (infrastructure only), migrated moderationdb, the
/// moderation service in process (its provider moderation API is <see cref="FakeOpenAI"/>), and a test bus recording
/// every GenerateReply, InputBlocked and AdminActionRecorded.
/// </summary>
public sealed class ModerationFixture : IAsyncLifetime
{
    public const string ProviderApiKey = "sk-test-provider-key";

    private DistributedApplication? app;
    private IBusControl? bus;
    private readonly ConcurrentQueue<object> messages = new();

    public ModerationApiFactory Service { get; private set; } = null!;
    public LogCapture Logs { get; } = new();
    public IConnectionMultiplexer Redis { get; private set; } = null!;
    public string ModerationDb { get; private set; } = null!;
    public IBus Bus => bus!;
    public FakeOpenAI Provider { get; private set; } = null!;
    public string RedisConnection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        app = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices().BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        ModerationDb = await app.GetConnectionStringAsync("moderationdb") ?? throw new InvalidOperationException("No moderationdb.");
        var redis = await app.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("No redis.");
        var rabbit = await app.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("No rabbitmq.");
        await using (var db = NewDb())
        {
            await db.Database.MigrateAsync(timeout.Token);
        }
        Redis = await ConnectionMultiplexer.ConnectAsync(redis);
        RedisConnection = redis;
        Provider = await FakeOpenAI.StartAsync();
        bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(r =>
        {
            r.Host(new Uri(rabbit));
            r.ReceiveEndpoint("moderation-tests-" + Guid.NewGuid().ToString("N"), e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<GenerateReply>(c => Record(c.Message));
                e.Handler<InputBlocked>(c => Record(c.Message));
                e.Handler<AdminActionRecorded>(c => Record(c.Message));
            });
        });
        await bus.StartAsync(timeout.Token);
        Service = new ModerationApiFactory(ModerationDb, redis, rabbit, Logs, Provider.BaseAddress);
        _ = Service.Server;
    }

    public ModerationDbContext NewDb() => new(new DbContextOptionsBuilder<ModerationDbContext>().UseNpgsql(ModerationDb).Options);

    public IReadOnlyList<T> Received<T>(Func<T, bool> match) => [.. messages.OfType<T>().Where(match)];

    public async Task<T> WaitForAsync<T>(Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Received(match) is [var first, ..]) return first;
            await Task.Delay(25);
        }
        throw new TimeoutException($"No {typeof(T).Name} arrived. Service log:\n{string.Join("\n", Logs.Lines.TakeLast(40))}");
    }

    private Task Record(object message)
    {
        messages.Enqueue(message);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
        if (bus is not null) await bus.StopAsync();
        Redis?.Dispose();
        if (Provider is not null) await Provider.DisposeAsync();
        if (app is not null) await app.DisposeAsync();
    }
}
