using Chatbot.Identity.Data;

namespace Microsoft.Extensions.Hosting;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb");
        builder.AddMigration<IdentityDbContext>();
        builder.AddRabbitMqMessaging("rabbitmq");
        return builder;
    }
}
