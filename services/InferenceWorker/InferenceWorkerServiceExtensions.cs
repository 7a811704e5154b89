namespace Microsoft.Extensions.Hosting;

public static class InferenceWorkerServiceExtensions
{
    public static IHostApplicationBuilder AddInferenceWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddRabbitMqMessaging("rabbitmq");
        return builder;
    }
}
