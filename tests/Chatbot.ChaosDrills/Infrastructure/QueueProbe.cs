using RabbitMQ.Client;

namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>Ready-message counts of RabbitMQ queues (passive declare), sampled while a drill runs.</summary>
public sealed class QueueProbe : IAsyncDisposable
{
    public const string GenerateReply = "generate-reply";
    private readonly IConnection _connection;

    private QueueProbe(IConnection connection) => _connection = connection;

    public static async Task<QueueProbe> ConnectAsync(string amqpUri) =>
        new(await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync());

    /// <summary>Messages waiting in <paramref name="queue"/>; 0 when the queue does not exist.</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // NOT_FOUND closes the channel
        }
    }

    /// <summary>Samples the depth of <paramref name="queue"/> every 100 ms until <paramref name="stop"/> is cancelled; returns the peak.</summary>
    public async Task<uint> PeakDepthAsync(string queue, CancellationToken stop)
    {
        uint peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, await DepthAsync(queue));
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return peak;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
