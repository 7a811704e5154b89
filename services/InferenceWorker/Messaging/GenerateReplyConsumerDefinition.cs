using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.Messaging;

/// <summary>
/// Queue <c>generate-reply</c>: priority by tier, bounded prefetch and concurrency from <c>Inference:*</c>, and a short
/// retry for infrastructure hiccups (Redis, broker). Provider failures never reach it: the chain handles them.
/// </summary>
public sealed class GenerateReplyConsumerDefinition : ConsumerDefinition<GenerateReplyConsumer>
{
    private readonly InferenceOptions _options;

    public GenerateReplyConsumerDefinition(IOptions<InferenceOptions> options)
    {
        _options = options.Value;
        EndpointName = "generate-reply";
        ConcurrentMessageLimit = _options.MaxConcurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GenerateReplyConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.Prefetch;
        endpointConfigurator.ConcurrentMessageLimit = _options.MaxConcurrency;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.EnablePriority(TierPriority.Max);
        endpointConfigurator.UseMessageRetry(r => r.Exponential(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
    }
}
