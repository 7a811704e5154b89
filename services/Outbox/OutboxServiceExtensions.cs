using System.Diagnostics.Metrics;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class OutboxServiceExtensions
{
    /// <summary>
    /// The durable outbox over <typeparamref name="TContext"/> (which applies <see cref="OutboxMessageConfiguration"/>):
    /// options from section <c>Outbox</c>, the signal, publisher, dead letters and the dispatcher as a hosted service.
    /// The host adds the meter <see cref="OutboxMetrics.MeterNameOf"/> and the trace source <see cref="OutboxActivities.SourceName"/> to its telemetry.
    /// </summary>
    /// <param name="service">The service's resource name in lower case; names the outbox's metrics.</param>
    public static IServiceCollection AddDurableOutbox<TContext>(this IServiceCollection services, string service)
        where TContext : DbContext, IOutboxDbContext
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IOutboxDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new OutboxMetrics(sp.GetRequiredService<IMeterFactory>(), service));
        services.AddSingleton<OutboxDeadLetters>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
