namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>An evaluation waiting for <see cref="EvaluationRunner"/>: its row, who asked, the version and the set.</summary>
public sealed record EvaluationJob(Guid EvaluationId, Guid TenantId, Guid UserId, string Tier, int PromptVersion, string SetName);
