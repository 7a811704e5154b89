using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// The LLM judge: the judge model (the evaluation's <see cref="ChatConfiguration"/>) reads the rubric, the question and
/// the answer and gives a score from 1 to 5 as <c>&lt;score&gt;N&lt;/score&gt;</c>; the last such tag counts. An answer
/// without one scores 1 (the judge could not vouch for it).
/// </summary>
public sealed partial class RubricJudgeEvaluator : IEvaluator
{
    public const string MetricName = "Rubric";

    private const string Instructions = """
        You are a strict evaluator of an AI assistant's answers. Score the answer against the rubric from 1 (worst) to 5
        (best). Reply with one line of reasoning, then the score as <score>N</score> where N is 1, 2, 3, 4 or 5.
        """;

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public async ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatConfiguration);
        var context = additionalContext?.OfType<EvaluationCaseContext>().FirstOrDefault()
            ?? throw new ArgumentException("An EvaluationCaseContext is required.", nameof(additionalContext));
        // One user message, no system prompt: the worker's output guard cuts a reply that repeats its system prompt, and a
        // judge may quote its instructions (the simulator's echo always does).
        var judged = await chatConfiguration.ChatClient.GetResponseAsync(
        [
            new ChatMessage(ChatRole.User,
                $"{Instructions}\n\nRubric: {context.Rubric}\n\nQuestion: {context.Case.Question}\n\nAnswer: {modelResponse.Text}\n\nYour reasoning and score:"),
        ], cancellationToken: cancellationToken);
        var score = ScoreOf(judged.Text);
        return new EvaluationResult(new NumericMetric(MetricName, score ?? 1, score is null ? "the judge gave no score" : $"judged {score} of 5"));
    }

    public static int? ScoreOf(string judgement) =>
        ScorePattern().Matches(judgement) is { Count: > 0 } found
            ? int.Parse(found[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"<score>\s*([1-5])\s*</score>")]
    private static partial Regex ScorePattern();
}
