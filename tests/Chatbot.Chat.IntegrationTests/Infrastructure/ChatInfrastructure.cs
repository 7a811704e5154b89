using Chatbot.Aspire.Testing;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>Connection strings of the real PostgreSQL, Redis and RabbitMQ the test builder started (infrastructure only).</summary>
public sealed record ChatInfrastructure(string ChatDb, string RedisConnectionString, string RabbitMqConnectionString)
{
    public Uri RabbitMqUri => new(RabbitMqConnectionString);

    /// <summary>chatdb, or another database on the same server (created on first use by EF migrations).</summary>
    public string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ChatDb) { Database = database }.ConnectionString;

    public static async Task<ChatInfrastructure> FromAsync(DistributedApplication app) => new(
        await app.GetConnectionStringAsync("chatdb") ?? throw new InvalidOperationException("No chatdb."),
        await app.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("No redis."),
        await app.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("No rabbitmq."));
}
