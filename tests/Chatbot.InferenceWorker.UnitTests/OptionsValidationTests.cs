using Chatbot.InferenceWorker.Configuration;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class OptionsValidationTests
{
    private static IEnumerable<string> Errors(InferenceOptions options) =>
        new InferenceOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void The_default_simulator_chain_is_valid()
    {
        var options = new InferenceOptions { Providers = [new ProviderOptions { Type = ProviderType.Simulator, Name = "simulator" }] };
        Assert.True(new InferenceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_key()
    {
        var options = new InferenceOptions
        {
            CommitWaitMilliseconds = 0,
            MaxConcurrency = 32,
            Queue = new QueueSettings { MaxTenantShare = 0 },
            Providers =
            [
                new ProviderOptions { Type = ProviderType.Simulator, Name = "a", MaxConcurrentRequests = 0, TokensPerMinute = -1 },
                new ProviderOptions { Type = ProviderType.OpenAICompatible, Name = "b", Model = "m" },
                new ProviderOptions { Type = ProviderType.Anthropic, Name = "c", Model = "claude", TimeoutSeconds = 0 },
            ],
        };

        var errors = Errors(options).ToList();

        Assert.Contains("Inference:Queue:MaxTenantShare must be in (0, 1].", errors);
        Assert.Contains(errors, e => e.StartsWith("Inference:MaxConcurrency is no longer read: set Inference:Providers:N:MaxConcurrentRequests", StringComparison.Ordinal));
        Assert.Contains("Inference:Providers:0:MaxConcurrentRequests must be between 1 and 5000.", errors);
        Assert.Contains("Inference:Providers:0:TokensPerMinute must not be negative (0 = no limit).", errors);
        Assert.Contains("Inference:CommitWaitMilliseconds must be between 10 and 600000.", errors);
        Assert.Contains("Inference:Providers:1:Endpoint is required for OpenAICompatible.", errors);
        Assert.Contains(errors, e => e.StartsWith("Inference:Providers:2:ApiKey is required for Anthropic", StringComparison.Ordinal));
        Assert.Contains("Inference:Providers:2:TimeoutSeconds must be between 1 and 600.", errors);
    }

    [Fact]
    public void An_empty_chain_is_rejected()
    {
        Assert.Contains("Inference:Providers must list at least one provider.", Errors(new InferenceOptions()));
    }

    [Fact]
    public void Bad_simulator_settings_are_named_by_their_key()
    {
        var result = new Simulator.SimulatorOptionsValidator().Validate(null, new Simulator.SimulatorOptions { TokensPerSecond = -1, ReplyTokens = 0 });

        Assert.Contains("Inference:Simulator:TokensPerSecond must not be negative (0 = as fast as possible).", result.Failures!);
        Assert.Contains("Inference:Simulator:ReplyTokens must be at least 1.", result.Failures!);
    }
}
