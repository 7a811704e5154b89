using Chatbot.InferenceWorker.Admission;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Messaging;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class WorkerCapacityTests
{
    private static InferenceOptions Options(params ProviderOptions[] providers) => new() { Providers = [.. providers], Queue = new QueueSettings { Capacity = 250 } };

    [Fact]
    public void The_limit_is_the_first_providers_configured_concurrency_and_the_consumer_takes_it_plus_the_waiting_room()
    {
        var options = Options(
            new ProviderOptions { Type = ProviderType.OpenAICompatible, Name = "primary", Model = "m", Endpoint = "http://x", MaxConcurrentRequests = 300, TokensPerMinute = 90_000 },
            new ProviderOptions { Type = ProviderType.Simulator, Name = "fallback", MaxConcurrentRequests = 20 });

        var capacity = WorkerCapacity.From(options);
        var definition = new GenerateReplyConsumerDefinition(capacity);

        Assert.Equal(300, capacity.Concurrency);
        Assert.Equal(90_000, capacity.TokensPerMinute);
        Assert.Equal(250, capacity.Waiting);
        Assert.Equal(150, capacity.TenantSlots); // MaxTenantShare 0.5
        Assert.Equal(550, definition.ConcurrentMessageLimit);
        Assert.Equal(550, capacity.Deliveries);
    }

    [Fact]
    public void An_unset_limit_is_generous_for_the_simulator_and_never_below_hundreds_for_a_real_provider()
    {
        Assert.Equal(ProviderOptions.DefaultSimulatorConcurrency, WorkerCapacity.From(Options(new ProviderOptions { Type = ProviderType.Simulator })).Concurrency);
        Assert.Equal(ProviderOptions.DefaultConcurrency, WorkerCapacity.From(Options(new ProviderOptions { Type = ProviderType.OpenAI, Model = "m" })).Concurrency);
        Assert.True(ProviderOptions.DefaultSimulatorConcurrency >= 500);
    }

    [Fact]
    public void A_tenant_always_gets_at_least_one_slot()
    {
        var options = Options(new ProviderOptions { MaxConcurrentRequests = 1 });
        options.Queue.MaxTenantShare = 0.1;
        Assert.Equal(1, WorkerCapacity.From(options).TenantSlots);
    }
}
