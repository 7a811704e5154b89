namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>One variant as asked: a prompt version, its weight in percent, an optional name (default A, B, …) and model alias.</summary>
public sealed record VariantRequest(int PromptVersion, int Weight, string? Name = null, string? Model = null);
