namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>Body of PATCH /api/prompts/experiments/{id}: new weights by variant name (all of them, summing to 100), or <c>"status": "stopped"</c>.</summary>
public sealed record UpdateExperimentRequest(Dictionary<string, int>? Weights, string? Status);
