namespace Chatbot.Chat.Data.Entities;

/// <summary>One arm of a <see cref="PromptExperiment"/>: a prompt version of the experiment's scope, its share of users in
/// percent and an optional model alias (an <c>OpenAi:Models</c> id) whose provider answers first.</summary>
public sealed record ExperimentVariant(string Name, int PromptVersion, int Weight, string? Model = null);
