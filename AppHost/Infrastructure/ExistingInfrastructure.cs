using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Servers that already run, from <c>ConnectionStrings:postgres|redis|rabbitmq</c>; we only check and create databases.</summary>
public sealed class ExistingInfrastructure : IInfrastructureProvider
{
    public InfraMode Mode => InfraMode.Existing;

    public InfrastructureResources Create(InfrastructureContext context)
    {
        var configured = context.Options.ConnectionStrings;
        string Get(string name) => configured.TryGetValue(name, out var value)
            ? value
            : throw new PrerequisiteMissingException($"--infra existing needs ConnectionStrings:{name} (e.g. environment variable ConnectionStrings__{name}).");
        var postgres = Get(context.Postgres.Name);
        var redis = Get(context.Redis.Name);
        var rabbitmq = Get(context.RabbitMq.Name);
        var connectionStrings = new Dictionary<string, string>
        {
            [context.Postgres.Name] = postgres,
            [context.Redis.Name] = redis,
            [context.RabbitMq.Name] = rabbitmq,
        };
        foreach (var database in context.Postgres.Databases)
        {
            connectionStrings[database.Name] = PostgresDatabaseCreator.WithDatabase(postgres, database.DatabaseName);
        }
        var (redisHost, redisPort, redisPassword) = ParseRedis(redis);
        var rabbitUri = new Uri(rabbitmq);
        return new(connectionStrings,
        [
            new ExistingServerRunner(context.Postgres.Name, InfraHealthChecks.Postgres(postgres), context,
                ct => PostgresDatabaseCreator.EnsureAsync(postgres, context.Postgres.Databases.Select(d => d.DatabaseName), ct)),
            new ExistingServerRunner(context.Redis.Name, InfraHealthChecks.Redis(redisHost, redisPort, redisPassword), context, null),
            new ExistingServerRunner(context.RabbitMq.Name,
                InfraHealthChecks.RabbitMq(rabbitUri.Host, rabbitUri.IsDefaultPort || rabbitUri.Port < 0 ? 5672 : rabbitUri.Port), context, null),
        ]);
    }

    /// <summary><c>host:port,password=...</c> (StackExchange.Redis format).</summary>
    public static (string Host, int Port, string Password) ParseRedis(string connectionString)
    {
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries);
        var endpoint = parts[0].Split(':');
        var password = parts.Skip(1).Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "password")?[1] ?? "";
        return (endpoint[0], endpoint.Length > 1 ? int.Parse(endpoint[1]) : 6379, password);
    }
}
