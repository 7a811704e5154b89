namespace Chatbot.Contracts.Inference;

/// <summary>A finished reply as the response cache holds it: its text and what the provider call cost when it was generated.</summary>
public sealed record CachedReply(string Content, int InputTokens, int OutputTokens, decimal Cost, string Model, string Provider);
