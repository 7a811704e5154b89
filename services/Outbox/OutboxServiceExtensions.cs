using System.Diagnostics.Metrics;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class OutboxServiceExtensions
{
    /// <summary>
    /// The durable outbox over <typeparamref name="TContext"/> (which applies <see cref="OutboxMessageConfiguration"/>):
    /// options from section <c>Outbox</c>, the signal, publisher, dead letters and the dispatcher as a hosted service.
    /// The outbox's meter (<see cref="OutboxMetrics.MeterNameOf"/>) and trace source (<see cref="OutboxActivities.SourceName"/>)
    /// join the host's telemetry; <see cref="AdminAudit"/> writes the admin audit log through it.
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
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(OutboxMetrics.MeterNameOf(service)));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(OutboxActivities.SourceName));
        services.AddScoped<AdminAudit>(); // admin routes record their changes in the same transaction (docs/audit.md)
        return services;
    }
}
