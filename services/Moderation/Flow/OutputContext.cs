namespace Chatbot.Moderation.Flow;

/// <summary>What the worker needs to check and restore one reply: the canary and the placeholder mapping.</summary>
public sealed record OutputContext(string? Canary, IReadOnlyDictionary<string, string> Placeholders);
