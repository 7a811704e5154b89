using MassTransit;

namespace Chatbot.Moderation.Flow;

/// <summary>Queue <c>moderate-input</c>: checks are CPU-bound and fast, so moderate concurrency and a short retry.</summary>
public sealed class ModerateInputConsumerDefinition : ConsumerDefinition<ModerateInputConsumer>
{
    /// <summary>Checks run at once from the queue (the warm-up pre-creates this many classifier engines).</summary>
    public static readonly int ConcurrentChecks = Math.Max(2, Environment.ProcessorCount * 2);

    public ModerateInputConsumerDefinition()
    {
        EndpointName = "moderate-input";
        ConcurrentMessageLimit = ConcurrentChecks;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<ModerateInputConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100)));
}
