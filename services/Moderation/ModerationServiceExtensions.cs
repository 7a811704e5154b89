using Chatbot.Moderation.Api;
using Chatbot.Moderation.Audit;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Injection;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Detectors.Telemetry;
using Chatbot.Moderation.Erasure;
using Chatbot.Moderation.Faults;
using Chatbot.Moderation.Flow;
using Chatbot.Moderation.Policies;
using Chatbot.Moderation.Providers;
using Chatbot.Moderation.Retention;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Microsoft.Extensions.Hosting;

public static class ModerationServiceExtensions
{
    public static IHostApplicationBuilder AddModerationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddValidatedOptions<ModerationOptions>(ModerationOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<PolicyInvalidation>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyInvalidation>());
        services.AddScoped<TenantPolicyStore>();

        // Detectors: the classifier is trained once from the committed set when the service starts.
        services.AddSingleton(_ => new InjectionClassifier());
        services.AddSingleton<IInputDetector, InjectionStage>();
        services.AddSingleton<IInputDetector, PiiStage>();
        services.AddSingleton<IInputDetector, TermListStage>();
        builder.AddProviderModeration();
        builder.AddModerationFaults();
        services.AddSingleton(sp => new InputModerator(
            FaultInjection.Apply(sp.GetServices<IInputDetector>(), sp.GetRequiredService<IOptions<FaultInjectionOptions>>().Value),
            sp.GetRequiredService<ModerationMetrics>(), sp.GetServices<IAsyncInputDetector>()));
        services.AddSingleton<ModerationMetrics>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ModerationMetrics.MeterName));
        services.AddHostedService<BypassSeriesAtZero>();

        services.AddHostedService<ModerationWarmup>();
        services.AddSingleton<ReplyStreamBlocker>();
        services.AddSingleton<ResponseCacheMarks>();
        services.AddScoped<InputModerationService>();
        services.AddScoped<AuditWriter>();
        services.AddScoped<ReviewQueue>();

        builder.AddDefaultAuthentication();
        builder.AddServiceCredential(); // /internal/*: chat's /v1/moderations for API-key callers (ServiceAuth:Credential)
        services.AddRedisWindowLimiter();
        services.AddProblemDetails();

        builder.AddTenantNpgsqlDbContext<ModerationDbContext>("moderationdb", ModerationTenancy.Role);
        builder.AddMigration<ModerationDbContext>();
        services.AddDurableOutbox<ModerationDbContext>("moderation"); // the admin audit log's entries (docs/audit.md)
        builder.AddRedisClient("redis");
        builder.AddRabbitMqMessaging("rabbitmq", bus =>
        {
            bus.AddConsumer<ModerateInputConsumer, ModerateInputConsumerDefinition>();
            bus.AddConsumer<ReplyReportedConsumer>().Endpoint(e => e.Name = "moderation-reply-reported");
            bus.AddConsumer<OutputBlockedConsumer>().Endpoint(e => e.Name = "moderation-output-blocked");
            bus.AddConsumer<ToolCallAuditedConsumer>().Endpoint(e => e.Name = "moderation-tool-calls");
            bus.AddConsumer<EraseModerationDataConsumer>().Endpoint(e => e.Name = "moderation-erasure");
            bus.AddConsumer<ApplyRetentionConsumer>().Endpoint(e => e.Name = "moderation-retention");
        });
        return builder;
    }

    public static WebApplication MapModerationApi(this WebApplication app)
    {
        app.MapModerationsApi();
        app.MapReviewsApi();
        app.MapTenantPolicyApi();
        return app;
    }
}
