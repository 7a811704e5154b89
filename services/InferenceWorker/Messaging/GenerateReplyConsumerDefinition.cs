using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Admission;
using MassTransit;

namespace Chatbot.InferenceWorker.Messaging;

/// <summary>
/// Queue <c>generate-reply</c>: priority by tier, and a short retry for infrastructure hiccups (Redis, broker); provider
/// failures never reach it (the chain handles them). Prefetch and concurrency are the worker's
/// <see cref="WorkerCapacity.Deliveries"/>: the provider's slots plus the waiting room, so the limit that holds turns back
/// is the provider's, applied by <see cref="TurnScheduler"/>, which can tell a waiting turn its place.
/// </summary>
public sealed class GenerateReplyConsumerDefinition : ConsumerDefinition<GenerateReplyConsumer>
{
    public GenerateReplyConsumerDefinition(WorkerCapacity capacity)
    {
        Capacity = capacity;
        EndpointName = "generate-reply";
        ConcurrentMessageLimit = capacity.Deliveries;
    }

    public WorkerCapacity Capacity { get; }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GenerateReplyConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = Capacity.Deliveries;
        endpointConfigurator.ConcurrentMessageLimit = Capacity.Deliveries;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.EnablePriority(TierPriority.Max);
        endpointConfigurator.UseMessageRetry(r => r.Exponential(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
    }
}
