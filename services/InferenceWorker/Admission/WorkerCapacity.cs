using Chatbot.InferenceWorker.Configuration;

namespace Chatbot.InferenceWorker.Admission;

/// <summary>
/// What one worker runs at once, taken from the provider settings, never from a global constant: every turn starts at
/// the chain's first provider, so its <see cref="ProviderOptions.MaxConcurrentRequests"/> and
/// <see cref="ProviderOptions.TokensPerMinute"/> are the worker's. <see cref="Waiting"/> more turns wait inside the
/// worker (in priority and fair order, each told its position); RabbitMQ's prefetch and MassTransit's concurrency are
/// their sum, so no delivery limit is lower than the providers'.
/// </summary>
public sealed record WorkerCapacity(int Concurrency, int TokensPerMinute, int Waiting, int TenantSlots, string Provider)
{
    public int Deliveries => Concurrency + Waiting;

    public static WorkerCapacity From(InferenceOptions options)
    {
        var first = options.Providers.Count > 0 ? options.Providers[0] : new ProviderOptions();
        var concurrency = first.EffectiveMaxConcurrentRequests;
        var tenantSlots = Math.Max(1, (int)Math.Floor(concurrency * options.Queue.MaxTenantShare));
        return new WorkerCapacity(concurrency, first.TokensPerMinute, options.Queue.Capacity, tenantSlots, first.DisplayName);
    }
}
