using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.Configuration;

/// <summary>Checks the <c>Inference</c> section at start-up; every failure names the offending key.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var errors = new List<string>();
        const string s = InferenceOptions.SectionName;
        if (options.MaxConcurrency is not null) errors.Add($"{s}:MaxConcurrency is no longer read: set {s}:Providers:N:MaxConcurrentRequests (the provider's own limit).");
        if (options.Prefetch is not null) errors.Add($"{s}:Prefetch is no longer read: prefetch is the first provider's MaxConcurrentRequests plus {s}:Queue:Capacity.");
        var q = options.Queue;
        if (q.Capacity is < 0 or > 60_000) errors.Add($"{s}:Queue:Capacity must be between 0 and 60000.");
        if (q.MaxTenantShare is <= 0 or > 1) errors.Add($"{s}:Queue:MaxTenantShare must be in (0, 1].");
        if (q.UpdateIntervalMilliseconds is < 10 or > 60_000) errors.Add($"{s}:Queue:UpdateIntervalMilliseconds must be between 10 and 60000.");
        if (options.StreamMaxLength < 100) errors.Add($"{s}:StreamMaxLength must be at least 100.");
        if (options.StreamExpirySeconds < 1) errors.Add($"{s}:StreamExpirySeconds must be positive.");
        if (options.FlushIntervalMilliseconds is < 0 or > 1000) errors.Add($"{s}:FlushIntervalMilliseconds must be between 0 and 1000.");
        if (options.CommitWaitMilliseconds is < 10 or > 600_000) errors.Add($"{s}:CommitWaitMilliseconds must be between 10 and 600000.");
        var r = options.Resilience;
        if (r.MaxRetries is < 0 or > 10) errors.Add($"{s}:Resilience:MaxRetries must be between 0 and 10.");
        if (r.BreakerFailureRatio is <= 0 or > 1) errors.Add($"{s}:Resilience:BreakerFailureRatio must be in (0, 1].");
        if (r.BreakerMinimumThroughput < 2) errors.Add($"{s}:Resilience:BreakerMinimumThroughput must be at least 2.");
        if (options.Providers.Count == 0) errors.Add($"{s}:Providers must list at least one provider.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Providers.Count; i++)
        {
            ValidateProvider($"{s}:Providers:{i}", options.Providers[i], errors);
            if (!names.Add(options.Providers[i].DisplayName)) errors.Add($"{s}:Providers:{i}:Name '{options.Providers[i].DisplayName}' is used twice.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateProvider(string key, ProviderOptions p, List<string> errors)
    {
        if (!Enum.IsDefined(p.Type)) errors.Add($"{key}:Type must be one of {string.Join(", ", Enum.GetNames<ProviderType>())}.");
        if (p.Type != ProviderType.Simulator && string.IsNullOrWhiteSpace(p.Model)) errors.Add($"{key}:Model is required.");
        if (p.TimeoutSeconds is < 1 or > 600) errors.Add($"{key}:TimeoutSeconds must be between 1 and 600.");
        if (p.MaxConcurrentRequests is < 1 or > 5_000) errors.Add($"{key}:MaxConcurrentRequests must be between 1 and 5000.");
        if (p.TokensPerMinute < 0) errors.Add($"{key}:TokensPerMinute must not be negative (0 = no limit).");
        if (p.InputPricePerMillion < 0) errors.Add($"{key}:InputPricePerMillion must not be negative.");
        if (p.OutputPricePerMillion < 0) errors.Add($"{key}:OutputPricePerMillion must not be negative.");
        var needsEndpoint = p.Type is ProviderType.AzureOpenAI or ProviderType.OpenAICompatible;
        if (needsEndpoint && string.IsNullOrWhiteSpace(p.Endpoint)) errors.Add($"{key}:Endpoint is required for {p.Type}.");
        if (!string.IsNullOrWhiteSpace(p.Endpoint) && !Uri.TryCreate(p.Endpoint, UriKind.Absolute, out _)) errors.Add($"{key}:Endpoint must be an absolute URI.");
        var needsKey = p.Type is ProviderType.OpenAI or ProviderType.AzureOpenAI or ProviderType.Anthropic;
        if (needsKey && string.IsNullOrWhiteSpace(p.ApiKey)) errors.Add($"{key}:ApiKey is required for {p.Type} (set it in the environment, e.g. Inference__Providers__N__ApiKey).");
    }
}
