using Microsoft.Extensions.AI.Evaluation;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>The case and the set's rubric, handed to the evaluators beside the conversation.</summary>
public sealed class EvaluationCaseContext(EvaluationCase evaluationCase, string rubric)
    : EvaluationContext("Evaluation case", $"{evaluationCase.Id}: {rubric}")
{
    public EvaluationCase Case { get; } = evaluationCase;
    public string Rubric { get; } = rubric;
}
