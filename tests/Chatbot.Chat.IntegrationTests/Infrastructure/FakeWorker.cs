using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>
/// Stands in for the inference worker on the wire, so chat's side of the contract is tested before branch inference
/// is merged: receives <see cref="GenerateReply"/> from RabbitMQ (with its AMQP priority) and writes reply streams.
/// </summary>
public sealed class FakeWorker : IAsyncDisposable
{
    private const string Exchange = "Chatbot.Contracts.Inference:GenerateReply";
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<(GenerateReply Command, byte Priority)>> received = new();
    private readonly ConcurrentDictionary<Guid, int> deliveries = new();
    private readonly ConcurrentQueue<Guid> order = new();
    private IConnection? connection;
    private IChannel? channel;
    public IDatabase Redis { get; private set; } = null!;

    public static async Task<FakeWorker> StartAsync(ChatInfrastructure infra)
    {
        var worker = new FakeWorker();
        worker.Redis = (await ConnectionMultiplexer.ConnectAsync(infra.RedisConnectionString)).GetDatabase();
        worker.connection = await new ConnectionFactory { Uri = infra.RabbitMqUri }.CreateConnectionAsync();
        worker.channel = await worker.connection.CreateChannelAsync();
        await worker.channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = (await worker.channel.QueueDeclareAsync("chat-it-fake-worker", durable: false, exclusive: true,
            autoDelete: true, arguments: new Dictionary<string, object?> { ["x-max-priority"] = 3 })).QueueName;
        await worker.channel.QueueBindAsync(queue, Exchange, "");
        var consumer = new AsyncEventingBasicConsumer(worker.channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            var command = envelope.RootElement.GetProperty("message").Deserialize<GenerateReply>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            worker.deliveries.AddOrUpdate(command.ReplyId, 1, (_, n) => n + 1);
            worker.order.Enqueue(command.ReplyId);
            worker.Pending(command.ReplyId).TrySetResult((command, delivery.BasicProperties.Priority));
            return Task.CompletedTask;
        };
        await worker.channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return worker;
    }

    /// <summary>How many times a GenerateReply for this reply arrived.</summary>
    public int DeliveryCount(Guid replyId) => deliveries.GetValueOrDefault(replyId);

    /// <summary>Whether any GenerateReply of <paramref name="conversationId"/> arrived.</summary>
    public bool ReceivedFor(Guid conversationId) =>
        received.Values.Any(r => r.Task.IsCompletedSuccessfully && r.Task.Result.Command.ConversationId == conversationId);

    /// <summary>Every GenerateReply of <paramref name="conversationId"/> that arrived so far.</summary>
    public IReadOnlyList<GenerateReply> CommandsFor(Guid conversationId) =>
        [.. received.Values.Where(r => r.Task.IsCompletedSuccessfully).Select(r => r.Task.Result.Command).Where(c => c.ConversationId == conversationId)];

    /// <summary>Reply ids in the order their GenerateReply arrived.</summary>
    public IReadOnlyList<Guid> ArrivalOrder => [.. order];

    /// <summary>The first GenerateReply of <paramref name="conversationId"/>, waiting up to 15 s for it.</summary>
    public async Task<GenerateReply> WaitForConversationAsync(Guid conversationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var hit = received.Values.Where(r => r.Task.IsCompletedSuccessfully).Select(r => r.Task.Result.Command)
                .FirstOrDefault(c => c.ConversationId == conversationId);
            if (hit is not null)
            {
                return hit;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No GenerateReply for conversation {conversationId}.");
            }
            await Task.Delay(50);
        }
    }

    public async Task<(GenerateReply Command, byte Priority)> WaitForAsync(Guid replyId) =>
        await Pending(replyId).Task.WaitAsync(TimeSpan.FromSeconds(15));

    public Task<RedisValue> AppendAsync(Guid replyId, string type, object data) =>
        Redis.StreamAddAsync(ReplyStreamProtocol.StreamKey(replyId),
        [
            new NameValueEntry(ReplyStreamProtocol.TypeField, type),
            new NameValueEntry(ReplyStreamProtocol.DataField, JsonSerializer.Serialize(data, new JsonSerializerOptions(JsonSerializerDefaults.Web))),
        ]);

    private TaskCompletionSource<(GenerateReply, byte)> Pending(Guid replyId) =>
        received.GetOrAdd(replyId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
        {
            await channel.CloseAsync();
        }
        if (connection is not null)
        {
            await connection.CloseAsync();
        }
    }
}
