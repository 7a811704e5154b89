using Chatbot.ServiceDefaults.Diagnostics;
using Chatbot.ServiceDefaults.ErrorHandling;
using Chatbot.ServiceDefaults.Health;
using Chatbot.ServiceDefaults.Idempotency;
using Chatbot.ServiceDefaults.Logging;
using Chatbot.ServiceDefaults.Telemetry;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service gets: telemetry, safe JSON logs, health, discovery, resilience, problem details.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadinessTag = "ready";
    public const string LivenessTag = "live";
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string MetricsPath = "/metrics";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddJsonLogging();
        if (ManagementPort.From(builder.Configuration) is { } managementPort && builder is WebApplicationBuilder web)
        {
            ManagementPort.Listen(web.WebHost, managementPort);
        }
        builder.ConfigureOpenTelemetry();
        builder.Services.AddSingleton<ErrorMetrics>();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LivenessTag]);
        builder.AddProblemDetailsDefaults();
        builder.AddValidatedOptions<IdempotentRequestOptions>(IdempotentRequestOptions.Section);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddProcessor(new RedactingLogProcessor());
        });
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(builder.Environment.ApplicationName, InstrumentationOptions.MeterName, ErrorMetrics.MeterName)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                // MassTransit's spans, and RabbitMQ.Client's own publish and deliver spans beneath them, which split the
                // broker hop into the client's wait, the broker, and MassTransit's dispatch on the consuming side.
                .AddSource(builder.Environment.ApplicationName, DiagnosticHeaders.DefaultListenerName, "RabbitMQ.Client.*")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsInfrastructurePath(ctx.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// The middleware every service starts its pipeline with: the exception handler and status code pages (every error
    /// is problem details; registered here only) and, when <c>Management:Port</c> is set, the split between that port
    /// and the public one (<see cref="ManagementPort"/>), and the body buffering <c>WithIdempotency()</c> needs. Call it first after <c>Build()</c>, before authentication.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseIdempotencyKeyBuffering();
        if (ManagementPort.From(app.Configuration) is { } managementPort)
        {
            ManagementPort.Separate(app, managementPort, IsInfrastructurePath);
        }
        return app;
    }

    /// <summary>
    /// Maps, and nothing else: <c>/health</c> (readiness: every check), <c>/alive</c> (liveness only), the Prometheus
    /// scrape endpoint <c>/metrics</c> and, in tests only, the route table. A service on a public origin passes
    /// <paramref name="metricsOnManagementPortOnly"/>: without a management port it then serves no <c>/metrics</c> at
    /// all (404), in every environment, instead of serving it on its public port.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, bool metricsOnManagementPortOnly = false)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            Predicate = _ => true,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LivenessTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        if (!metricsOnManagementPortOnly || ManagementPort.From(app.Configuration) is not null)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        }
        if (RouteTableEndpoint.IsEnabled(app.Configuration, app.Environment))
        {
            app.MapRouteTable(); // test-only route export for the security drills; never in Production
        }
        return app;
    }

    private static bool IsInfrastructurePath(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath) || path.StartsWithSegments(MetricsPath);
}
