using Chatbot.Moderation.Data;

namespace Microsoft.Extensions.Hosting;

public static class ModerationServiceExtensions
{
    public static IHostApplicationBuilder AddModerationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ModerationDbContext>("moderationdb");
        builder.AddMigration<ModerationDbContext>();
        builder.AddRabbitMqMessaging("rabbitmq");
        return builder;
    }
}
