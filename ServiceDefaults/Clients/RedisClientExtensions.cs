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
        var connectionString = ConnectionStringGuard.GetRequired(builder.Configuration, name, Example);
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
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: name,
            tags: [ServiceDefaultsExtensions.ReadinessTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
