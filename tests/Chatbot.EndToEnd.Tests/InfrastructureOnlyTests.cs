using Chatbot.Aspire.Testing;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Processes;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Chatbot.EndToEnd.Tests;

/// <summary><c>WithServices()</c> with no names: PostgreSQL (four databases), Redis and RabbitMQ for in-process hosts.</summary>
public sealed class InfrastructureOnlyTests
{
    private static async Task<DistributedApplication> StartInfrastructureAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync();
        var app = await builder.WithServices().BuildAsync();
        await app.StartAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return app;
    }

    [Fact]
    public async Task Starts_the_servers_and_databases_but_no_service_and_leaves_nothing_behind()
    {
        var app = await StartInfrastructureAsync();
        string stateDirectory;
        List<ProcessTree.ProcessId> processes;
        try
        {
            foreach (var database in (string[])["identitydb", "chatdb", "moderationdb", "billingdb"])
            {
                await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(database));
                await connection.OpenAsync();
            }
            var redis = ExistingInfrastructure.ParseRedis((await app.GetConnectionStringAsync("redis"))!);
            Assert.True(await InfraHealthChecks.Redis(redis.Host, redis.Port, redis.Password)(CancellationToken.None));
            var rabbit = new Uri((await app.GetConnectionStringAsync("rabbitmq"))!);
            Assert.True(await InfraHealthChecks.RabbitMq(rabbit.Host, rabbit.Port)(CancellationToken.None));
            Assert.Null(app.ResourceNotifications.GetSnapshot("chat")?.Pid);

            processes = [.. app.ResourceNotifications.Snapshots.Where(s => s.Pid is not null).SelectMany(s => ProcessTree.Snapshot(s.Pid!.Value))];
            Assert.True(processes.Count >= 3, "postgres, redis and rabbitmq should run");
            stateDirectory = app.StateDirectory;
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.All(processes, p => Assert.False(ProcessTree.IsAlive(p), $"pid {p.Pid} survived dispose"));
        Assert.False(Directory.Exists(stateDirectory));
    }

    [Fact]
    public async Task A_termination_signal_stops_every_process_before_the_program_exits_with_128_plus_its_number()
    {
        var app = await StartInfrastructureAsync();
        List<ProcessTree.ProcessId> processes =
            [.. app.ResourceNotifications.Snapshots.Where(s => s.Pid is not null).SelectMany(s => ProcessTree.Snapshot(s.Pid!.Value))];
        (int Code, List<ProcessTree.ProcessId> Alive)? exit = null;

        await app.StopForSignalAsync(15, code => exit = (code, [.. processes.Where(ProcessTree.IsAlive)]));
        await app.DisposeAsync(); // the program's own `await using` afterwards: the same stop, done once

        Assert.NotNull(exit);
        Assert.Equal(143, exit.Value.Code);
        Assert.Empty(exit.Value.Alive); // every process was gone when the program was told to exit
        Assert.True(processes.Count >= 3);
        Assert.False(Directory.Exists(app.StateDirectory));
    }

    [Fact]
    public async Task Without_durability_the_broker_keeps_its_data_in_memory_and_removes_it_on_dispose()
    {
        var app = await StartInfrastructureAsync();
        string data;
        try
        {
            var broker = app.ResourceNotifications.GetSnapshot("rabbitmq")?.Pid ?? throw new InvalidOperationException("rabbitmq has no process");
            data = ProcessEnvironment(broker)["RABBITMQ_MNESIA_BASE"];
            Assert.Equal("tmpfs", FileSystemType(data)); // RabbitMQ's fsyncs for publisher confirms cost nothing there
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(data));
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.False(Directory.Exists(Path.GetDirectoryName(data)), "the in-memory folder, its owner record included, should be gone");
    }

    [Fact]
    public async Task A_killed_broker_comes_back_with_its_persistent_messages()
    {
        await using var app = await StartInfrastructureAsync();
        var broker = new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("rabbitmq"))!) };
        await using (var connection = await broker.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            await channel.QueueDeclareAsync("survivor", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "survivor", mandatory: true, new BasicProperties { Persistent = true },
                "confirmed before the kill"u8.ToArray()); // returns once the broker confirmed it
        }

        await app.KillResourceAsync("rabbitmq");
        await app.ResourceNotifications.WaitForResourceAsync("rabbitmq", Chatbot.AppHost.Orchestration.KnownResourceStates.Exited)
            .WaitAsync(TimeSpan.FromSeconds(10));
        await app.StartResourceAsync("rabbitmq");

        await using var again = await broker.CreateConnectionAsync();
        var message = await GetRecoveredAsync(again, "survivor", TimeSpan.FromSeconds(15));
        Assert.Equal("confirmed before the kill", message is null ? null : System.Text.Encoding.UTF8.GetString(message.Body.Span));
    }

    /// <summary>
    /// Waits out a queue missing (404) just after the start: a CI run once found the queue missing right after the broker
    /// answered AMQP (its readiness check), most likely its durable queues still being recovered on a loaded machine.
    /// A queue that was lost never returns, so the test still fails then.
    /// </summary>
    private static async Task<BasicGetResult?> GetRecoveredAsync(IConnection connection, string queue, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return await channel.BasicGetAsync(queue, autoAck: true);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static Dictionary<string, string> ProcessEnvironment(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);

    /// <summary>The type of the mount that holds <paramref name="path"/> (the longest mount point that prefixes it).</summary>
    private static string FileSystemType(string path) =>
        File.ReadAllLines("/proc/self/mounts").Select(line => line.Split(' '))
            .Where(f => path == f[1] || path.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(f => f[1].Length)![2];

    [Fact]
    public async Task A_killed_server_comes_back_on_start_with_its_data()
    {
        await using var app = await StartInfrastructureAsync();
        var chatdb = await app.GetConnectionStringAsync("chatdb");
        await using (var connection = new NpgsqlConnection(chatdb))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42);", connection).ExecuteNonQueryAsync();
        }

        await app.KillResourceAsync("postgres");
        await app.ResourceNotifications.WaitForResourceAsync("postgres", Chatbot.AppHost.Orchestration.KnownResourceStates.Exited)
            .WaitAsync(TimeSpan.FromSeconds(10));
        await app.StartResourceAsync("postgres");

        NpgsqlConnection.ClearAllPools();
        await using var again = new NpgsqlConnection(chatdb);
        await again.OpenAsync();
        Assert.Equal(42, await new NpgsqlCommand("SELECT id FROM survivor", again).ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_paused_server_keeps_its_port_but_answers_nothing_until_resumed()
    {
        await using var app = await StartInfrastructureAsync();
        var chatdb = new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync("chatdb")) { Timeout = 2, Pooling = false }.ConnectionString;

        await app.PauseResourceAsync("postgres");
        Assert.Equal(Chatbot.AppHost.Orchestration.KnownResourceStates.Paused, app.ResourceNotifications.GetSnapshot("postgres")?.State);
        var port = new NpgsqlConnectionStringBuilder(chatdb).Port;
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", port); // the kernel still accepts: the port is held
        }
        await using (var paused = new NpgsqlConnection(chatdb))
        {
            await Assert.ThrowsAsync<NpgsqlException>(() => paused.OpenAsync()); // ...but the server never answers: timeout
        }

        await app.ResumeResourceAsync("postgres");
        await using var resumed = new NpgsqlConnection(chatdb);
        await resumed.OpenAsync();
        Assert.Equal(1, await new NpgsqlCommand("SELECT 1", resumed).ExecuteScalarAsync());
    }
}
