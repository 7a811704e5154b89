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

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Type.ToString().ToLowerInvariant() : Name;
}
