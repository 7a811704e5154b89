namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Where the local RabbitMQ node keeps its queues and message store. Durable: <c>mnesia</c> in the node's own folder
/// (<c>&lt;state&gt;/rabbitmq</c>).
/// Without durability (tests, benchmarks): a folder in <c>/dev/shm</c>, because RabbitMQ fsyncs its queue index for
/// publisher confirms and the queue process waits for it; on a disk shared with PostgreSQL those fsyncs took up to
/// 658 ms and held back every delivery of the queue meanwhile (docs/benchmarks.md). The promise is PostgreSQL's without
/// fsync: a killed broker comes back with its messages, an OS crash would lose them.
/// </summary>
public static class BrokerDataLocation
{
    private const string MemoryRoot = "/dev/shm";
    private const string Prefix = "chatbot-aspire-rabbitmq-";
    private const string OwnerFile = "state-folder";

    /// <param name="nodeFolder">The node's folder in the state folder, which holds its configuration.</param>
    public static string For(string nodeFolder, string stateDirectory, bool durable) =>
        durable || !Directory.Exists(MemoryRoot)
            ? Path.Combine(nodeFolder, "mnesia")
            : Path.Combine(MemoryRoot, Prefix + StateFolder.Key(stateDirectory), "mnesia");

    /// <summary>
    /// Before the node starts: an in-memory folder records its state folder, and the in-memory folders of state folders
    /// that are gone (an AppHost killed before it could clean up) are removed, so memory does not fill up run by run.
    /// </summary>
    public static void Prepare(string data, string stateDirectory)
    {
        if (InMemoryFolder(data) is not { } folder)
        {
            return;
        }
        RemoveOrphans(MemoryRoot);
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(folder, OwnerFile), stateDirectory);
    }

    /// <summary>Removes an in-memory folder when its node stops for good (a durable one stays with the state folder).</summary>
    public static void RemoveIfInMemory(string data)
    {
        if (InMemoryFolder(data) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static void RemoveOrphans(string memoryRoot)
    {
        foreach (var folder in Directory.EnumerateDirectories(memoryRoot, Prefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            try
            {
                if (File.Exists(owner) && !Directory.Exists(File.ReadAllText(owner).Trim()))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another AppHost removed it first, or it belongs to another user: not ours to clean.
            }
        }
    }

    private static string? InMemoryFolder(string data) =>
        data.StartsWith(Path.Combine(MemoryRoot, Prefix), StringComparison.Ordinal) ? Path.GetDirectoryName(data) : null;
}
