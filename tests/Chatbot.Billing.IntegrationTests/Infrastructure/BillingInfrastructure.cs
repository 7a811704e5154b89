using Chatbot.Aspire.Testing;
using Npgsql;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>Connection strings of the real PostgreSQL, Redis and RabbitMQ the test builder started.</summary>
public sealed record BillingInfrastructure(string BillingDb, string Redis, string RabbitMq)
{
    public string Database(string name) => new NpgsqlConnectionStringBuilder(BillingDb) { Database = name }.ConnectionString;

    public static async Task<BillingInfrastructure> FromAsync(DistributedApplication app) => new(
        await app.GetConnectionStringAsync("billingdb") ?? throw new InvalidOperationException("No billingdb."),
        await app.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("No redis."),
        await app.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("No rabbitmq."));
}
