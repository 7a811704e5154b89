using Chatbot.Moderation.Detectors.Output;

namespace Chatbot.Moderation.Flow;

/// <summary>
/// What the worker needs to check and restore one reply: the canary, the placeholder mapping and the tenant's output
/// policy (personal data and term lists on the reply).
/// </summary>
public sealed record OutputContext(string? Canary, IReadOnlyDictionary<string, string> Placeholders, OutputPolicy Output);
