namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>A committed evaluation set (<c>Prompts/Evaluations/*.json</c>): questions, their expected properties, and the judge's rubric.</summary>
public sealed record EvaluationSet(string Name, string? Description, string Rubric, List<EvaluationCase> Cases);
