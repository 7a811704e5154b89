namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// An evaluation waiting for <see cref="EvaluationRunner"/>: its row, who asked, the version and the set; <see cref="Attempt"/>
/// counts the runs started, so one that keeps stopping its instance is failed instead of resumed forever.
/// </summary>
public sealed record EvaluationJob(Guid EvaluationId, Guid TenantId, Guid UserId, string Tier, int PromptVersion, string SetName, int Attempt = 1);
