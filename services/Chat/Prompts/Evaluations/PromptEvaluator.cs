using Chatbot.Chat.Data.Entities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// Runs a set against a prompt version: each question goes to the model with the version as its system prompt, then the
/// deterministic checks and the LLM judge score the answer (a <see cref="CompositeEvaluator"/>). A case scores half its
/// checks' share and half the judge's (1 → 0, 5 → 1), in percent; the version scores their mean.
/// </summary>
public static class PromptEvaluator
{
    private static readonly IEvaluator Evaluator = new CompositeEvaluator(new ExpectedPropertiesEvaluator(), new RubricJudgeEvaluator());

    public static async Task<(double Score, List<CaseResult> Cases)> RunAsync(PromptVersion prompt, EvaluationSet set, IChatClient model,
        IChatClient judge, CancellationToken ct)
    {
        var cases = new List<CaseResult>(set.Cases.Count);
        var judging = new ChatConfiguration(judge);
        foreach (var evaluationCase in set.Cases)
        {
            List<ChatMessage> messages = [new(ChatRole.System, prompt.Content), new(ChatRole.User, evaluationCase.Question)];
            var answer = await model.GetResponseAsync(messages, cancellationToken: ct);
            var result = await Evaluator.EvaluateAsync(messages, answer, judging, [new EvaluationCaseContext(evaluationCase, set.Rubric)], ct);
            var checks = Numeric(result, ExpectedPropertiesEvaluator.MetricName);
            var rubric = Numeric(result, RubricJudgeEvaluator.MetricName).Value ?? 1;
            var score = 100 * (0.5 * (checks.Value ?? 0) + 0.5 * (rubric - 1) / 4);
            cases.Add(new CaseResult(evaluationCase.Id, checks.Value ?? 0, rubric, Math.Round(score, 2),
                checks.Value < 1 ? checks.Reason : null));
        }
        return (Math.Round(cases.Average(c => c.Score), 2), cases);
    }

    /// <summary>The composite evaluator turns an evaluator's exception into a plain metric with error diagnostics: fail the run with them.</summary>
    private static NumericMetric Numeric(EvaluationResult result, string name) =>
        result.Metrics.TryGetValue(name, out var metric) && metric is NumericMetric numeric
            ? numeric
            : throw new InvalidOperationException($"The evaluator '{name}' gave no score: " +
                string.Join("; ", metric?.Diagnostics?.Select(d => d.Message) ?? ["no metric"]));
}
