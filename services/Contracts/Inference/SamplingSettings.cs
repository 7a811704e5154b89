namespace Chatbot.Contracts.Inference;

/// <summary>
/// The caller's sampling choices for one reply (the OpenAI-compatible door's <c>temperature</c>, <c>top_p</c> and
/// <c>stop</c>), passed to the provider as they are; null or empty: the provider's default.
/// </summary>
public sealed record SamplingSettings(double? Temperature = null, double? TopP = null, IReadOnlyList<string>? Stop = null);
