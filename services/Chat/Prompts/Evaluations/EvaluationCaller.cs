namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>Who an evaluation's model calls are for (the worker bills and limits them like turns): tenant, user, tier, prompt.</summary>
public sealed record EvaluationCaller(Guid EvaluationId, Guid TenantId, Guid UserId, string Tier, int PromptVersion, string PromptRef);
