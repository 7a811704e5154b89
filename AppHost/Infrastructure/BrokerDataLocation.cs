namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Where the local RabbitMQ node keeps its queues and message store. Durable: <c>&lt;state&gt;/rabbitmq/mnesia</c>.
/// Without durability (tests, benchmarks): a folder in <c>/dev/shm</c>, because RabbitMQ fsyncs its queue index for
/// publisher confirms and the queue process waits for it; on a disk shared with PostgreSQL those fsyncs took up to
/// 658 ms and held back every delivery of the queue meanwhile (docs/benchmarks.md). The promise is PostgreSQL's without
/// fsync: a killed broker comes back with its messages, an OS crash would lose them.
/// </summary>
public static class BrokerDataLocation
{
    private const string MemoryRoot = "/dev/shm";

    public static string For(string stateDirectory, bool durable) =>
        durable || !Directory.Exists(MemoryRoot)
            ? Path.Combine(stateDirectory, "rabbitmq", "mnesia")
            : Path.Combine(MemoryRoot, $"chatbot-aspire-rabbitmq-{StateFolder.Key(stateDirectory)}");

    /// <summary>Removes an in-memory folder when its node stops for good (a durable one stays with the state folder).</summary>
    public static void RemoveIfInMemory(string data)
    {
        if (data.StartsWith(MemoryRoot + "/", StringComparison.Ordinal) && Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
