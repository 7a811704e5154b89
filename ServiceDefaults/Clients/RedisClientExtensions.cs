using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisClientExtensions
{
    /// <summary>Registers one shared multiplexer for the Aspire connection string <paramref name="name"/> plus its readiness check.</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string name)
    {
        var connectionString = builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not set.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: name, tags: [ServiceDefaultsExtensions.ReadinessTag]);
        return builder;
    }
}
