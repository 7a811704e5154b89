namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>Body of POST /api/prompts/experiments; <see cref="Global"/>: an experiment on the global default's versions (platform admin).</summary>
public sealed record CreateExperimentRequest(string? Name, List<VariantRequest>? Variants, bool Global = false);
