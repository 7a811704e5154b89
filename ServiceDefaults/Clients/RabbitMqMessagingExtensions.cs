using Chatbot.ServiceDefaults.Clients;
using Chatbot.ServiceDefaults.Messaging;
using Chatbot.ServiceDefaults.Tenancy;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class RabbitMqMessagingExtensions
{
    private const string Example = "amqp://user:password@localhost:5672";

    /// <summary>
    /// MassTransit on RabbitMQ from the Aspire connection string <paramref name="name"/> (an amqp:// URI): durable queues,
    /// publisher confirms, exponential retries then <c>_error</c> queues, prefetch from <see cref="MessagingOptions"/>,
    /// and the bus health check registered as readiness check <paramref name="name"/>. Every receive endpoint of every
    /// service gets <see cref="TenantConsumeFilter{T}"/>: a consumer acts for its message's tenant without entering it.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMqMessaging(this IHostApplicationBuilder builder, string name,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = ConnectionStringGuard.GetRequired(builder.Configuration, name, Example);
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw ConnectionStringGuard.Malformed(name, $"RabbitMQ URI: expected amqp:// or amqps://, such as {Example}");
        }
        builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.SectionName);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddScoped(typeof(TenantConsumeFilter<>));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseConsumeFilter(typeof(TenantConsumeFilter<>), context));
            bus.ConfigureHealthCheckOptions(o =>
            {
                o.Name = name;
                o.Tags.Add(ServiceDefaultsExtensions.ReadinessTag);
                o.MinimalFailureStatus = HealthStatus.Unhealthy;
            });
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) => ConfigureRabbit(context, rabbit, uri));
        });
        return builder;
    }

    private static void ConfigureRabbit(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator rabbit, Uri uri)
    {
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        rabbit.Host(uri, host => host.PublisherConfirmation = true);
        rabbit.Durable = true;
        rabbit.AutoDelete = false;
        rabbit.PrefetchCount = options.PrefetchCount;
        if (options.ConcurrentMessageLimit is { } limit)
        {
            rabbit.ConcurrentMessageLimit = limit;
        }
        rabbit.UseMessageRetry(retry => retry.Exponential(options.RetryLimit, options.RetryMinInterval,
            options.RetryMaxInterval, options.RetryIntervalDelta));
        rabbit.ConfigureEndpoints(context);
    }
}
