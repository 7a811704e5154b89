using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>The prompt a turn uses; with a running experiment, its id, the user's variant and that variant's provider.</summary>
public sealed record ExperimentChoice(PromptVersion Prompt, Guid? ExperimentId = null, string? Variant = null, string? Provider = null);
