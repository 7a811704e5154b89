using Chatbot.AppHost.Hosting;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Connection strings for servers on this machine, written the way Aspire writes them.</summary>
public static class LocalConnectionStrings
{
    public const string Host = "localhost";

    public static Dictionary<string, string> Create(InfrastructureContext context)
    {
        var postgres = context.Postgres;
        var server = $"Host={Host};Port={context.Ports[postgres.Name]};Username={PostgresServerResource.UserName};Password={context.Password(postgres.Password)}";
        var result = new Dictionary<string, string>
        {
            [postgres.Name] = server,
            [context.Redis.Name] = $"{Host}:{context.Ports[context.Redis.Name]},password={context.Password(context.Redis.Password)}",
            [context.RabbitMq.Name] =
                $"amqp://{RabbitMQServerResource.UserName}:{context.Password(context.RabbitMq.Password)}@{Host}:{context.Ports[context.RabbitMq.Name]}",
        };
        foreach (var database in postgres.Databases)
        {
            result[database.Name] = $"{server};Database={database.DatabaseName}";
        }
        return result;
    }
}
