using Chatbot.InferenceWorker.Admission;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Erasure;
using Chatbot.InferenceWorker.Generation;
using Chatbot.InferenceWorker.Messaging;
using Chatbot.InferenceWorker.Providers;
using Chatbot.InferenceWorker.Streaming;
using Chatbot.InferenceWorker.Telemetry;
using Chatbot.InferenceWorker.Tools;
using Chatbot.InferenceWorker.Usage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class InferenceWorkerServiceExtensions
{
    public static IHostApplicationBuilder AddInferenceWorkerServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ITokenCounter, O200kTokenCounter>();
        services.AddSingleton<Chatbot.Simulator.IPromptTokenCounter>(sp => sp.GetRequiredService<ITokenCounter>());
        builder.AddProviderSimulator();
        services.AddSingleton<ChatCompletionServiceFactory>();
        services.AddSingleton<ProviderPipelineFactory>();
        services.AddSingleton(ProviderChainFactory.Create);
        services.AddSingleton<InferenceMetrics>();
        services.AddHostedService<MetricZeros>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(InferenceMetrics.MeterName));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(InferenceActivities.SourceName));

        services.AddSingleton<ReplyStreams>();
        services.AddSingleton<ReplyCancellations>();
        services.AddSingleton<TurnCommitWait>();
        services.AddHostedService<ReplyCancellationListener>();
        services.AddScoped<ReplyGenerator>();
        services.AddSingleton<Chatbot.InferenceWorker.Caching.ResponseCache>();
        services.AddScoped<Chatbot.InferenceWorker.Caching.CachedReplyResponder>();
        builder.AddValidatedOptions<ToolOptions>(ToolOptions.SectionName);
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked for evaluation; it is the documented way to opt out
        services.AddHttpClient(ToolEndpointClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllResilienceHandlers(); // a tool call is never retried: a write tool would act twice
#pragma warning restore EXTEXP0001
        services.AddSingleton<ToolEndpointClient>();
        services.AddSingleton<BuiltinToolRunner>();
        services.AddSingleton<ToolResultScreen>();
        services.AddHostedService<ToolScreenWarmup>();
        services.AddSingleton<ToolCallLimiter>();
        services.AddSingleton<ToolApprovals>();
        services.AddSingleton<ToolServices>();
        services.AddSingleton<ToolSessionFactory>();
        services.AddSingleton(sp => WorkerCapacity.From(sp.GetRequiredService<IOptions<InferenceOptions>>().Value));
        services.AddSingleton<AdmissionMetrics>();
        services.AddSingleton<TurnScheduler>();
        services.AddSingleton<TurnAdmission>();
        services.AddHostedService<QueuePositionReporter>();
        builder.AddValidatedOptions<Chatbot.InferenceWorker.OutputChecks.OutputModerationOptions>(
            Chatbot.InferenceWorker.OutputChecks.OutputModerationOptions.SectionName);
        services.AddSingleton<Chatbot.InferenceWorker.OutputChecks.OutputModeration>();

        builder.AddRedisClient("redis");
        services.AddHostedService<ProviderChainReporter>(); // what chat's GET /api/admin/readiness shows operators
        services.AddSingleton<ErasedUsers>();
        builder.AddRabbitMqMessaging("rabbitmq", bus =>
        {
            bus.AddConsumer<GenerateReplyConsumer, GenerateReplyConsumerDefinition>();
            bus.AddConsumer<EraseRedisKeysConsumer>().Endpoint(e => e.Name = "inference-worker-erasure");
        });
        return builder;
    }
}
