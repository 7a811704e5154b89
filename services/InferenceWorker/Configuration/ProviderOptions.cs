namespace Chatbot.InferenceWorker.Configuration;

/// <summary>One entry of <c>Inference:Providers</c>, in fallback order. The API key comes from the environment and is never logged.</summary>
public sealed class ProviderOptions
{
    public ProviderType Type { get; set; } = ProviderType.Simulator;
    public string Name { get; set; } = "";
    public string? Endpoint { get; set; }
    public string Model { get; set; } = "";
    public string? ApiKey { get; set; }
    public decimal InputPricePerMillion { get; set; }
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>Longest wait for the first token and between two tokens before the attempt counts as timed out.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Requests this provider takes at once from one worker instance (its account's concurrency limit divided by the
    /// number of workers). Unset: <see cref="DefaultSimulatorConcurrency"/> for the simulator, <see cref="DefaultConcurrency"/> otherwise.
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>Prompt plus maximum output tokens this provider takes per minute from one worker instance; 0 = no limit.</summary>
    public int TokensPerMinute { get; set; }

    public const int DefaultSimulatorConcurrency = 1_000;
    public const int DefaultConcurrency = 100;

    public int EffectiveMaxConcurrentRequests =>
        MaxConcurrentRequests ?? (Type == ProviderType.Simulator ? DefaultSimulatorConcurrency : DefaultConcurrency);

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Type.ToString().ToLowerInvariant() : Name;
}
