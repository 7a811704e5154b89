using Chatbot.Billing.Data;

namespace Microsoft.Extensions.Hosting;

public static class BillingServiceExtensions
{
    public static IHostApplicationBuilder AddBillingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<BillingDbContext>("billingdb");
        builder.AddMigration<BillingDbContext>();
        builder.AddRedisClient("redis");
        builder.AddRabbitMqMessaging("rabbitmq");
        return builder;
    }
}
