using Chatbot.ServiceDefaults.Clients;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisClientExtensions
{
    private const string Example = "localhost:6379,password=...";

    /// <summary>Registers one shared multiplexer for the Aspire connection string <paramref name="name"/> plus its readiness check.</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string name)
    {
        var options = ClientOptions(name, ConnectionStringGuard.GetRequired(builder.Configuration, name, Example));
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: name,
            tags: [ServiceDefaultsExtensions.ReadinessTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>
    /// The multiplexer's options: reconnects instead of failing at start, and reads its sockets on the .NET thread pool
    /// (<see cref="SocketManager.ThreadPool"/>) rather than on StackExchange.Redis's pool of dedicated threads, whose extra
    /// wake-up per message doubled the pub/sub hop on 2 cores (docs/benchmarks.md, "The reservation beside the turn query; StackExchange.Redis on the thread pool").
    /// </summary>
    public static ConfigurationOptions ClientOptions(string name, string connectionString)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw ConnectionStringGuard.Malformed(name, "Redis connection string", ex);
        }
        if (options.EndPoints.Count == 0)
        {
            throw ConnectionStringGuard.Malformed(name, "Redis connection string (no host:port)");
        }
        options.AbortOnConnectFail = false;
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }
}
