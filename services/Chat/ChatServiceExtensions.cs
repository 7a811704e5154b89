using Chatbot.Chat.Data;

namespace Microsoft.Extensions.Hosting;

public static class ChatServiceExtensions
{
    public static IHostApplicationBuilder AddChatServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ChatDbContext>("chatdb");
        builder.AddMigration<ChatDbContext>();
        builder.AddRedisClient("redis");
        builder.AddRabbitMqMessaging("rabbitmq", bus => bus.AddChatIdentityConsumers());
        return builder;
    }
}
