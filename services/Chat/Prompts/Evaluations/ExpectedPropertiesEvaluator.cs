using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>The deterministic half of a case's score: the share of its expected properties the answer has (0 to 1).</summary>
public sealed class ExpectedPropertiesEvaluator : IEvaluator
{
    public const string MetricName = "Expected properties";

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var context = additionalContext?.OfType<EvaluationCaseContext>().FirstOrDefault()
            ?? throw new ArgumentException("An EvaluationCaseContext is required.", nameof(additionalContext));
        var checks = context.Case.Check(modelResponse.Text);
        var passed = checks.Count(c => c.Passed);
        var failed = checks.Where(c => !c.Passed).Select(c => c.Check).ToList();
        var metric = new NumericMetric(MetricName, checks.Count == 0 ? 1 : (double)passed / checks.Count,
            failed.Count == 0 ? "every expected property holds" : "failed: " + string.Join("; ", failed));
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
