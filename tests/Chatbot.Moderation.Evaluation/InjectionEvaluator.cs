using Chatbot.Moderation.Detectors.Injection;
using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// Scores rows with the injection detector under the shipped cut-offs and tabulates them per source, per goal group ×
/// length bin and per style. <see cref="Failures"/> lists every group and bin (with enough lines) that misses its goal.
/// </summary>
public sealed class InjectionEvaluator(InjectionClassifier classifier, string title)
{
    private readonly InjectionDetector detector = new(classifier);

    public RateTable PerSource { get; } = new($"{title}: per source");

    public RateTable PerGroupAndBin { get; } = new($"{title}: per goal group and length bin (attacks: flagged = recall; others: flagged = false positives)");

    public RateTable PerStyle { get; } = new($"{title}: per style");

    public List<string> Misses { get; } = [];

    /// <summary>Which check flagged each flagged line (a blocking rule, a review rule, the embedded-content check or the classifier).</summary>
    public RateTable PerCheck { get; } = new($"{title}: flagged lines per group and deciding check");

    private readonly Dictionary<string, int> missesPerStyle = new(StringComparer.Ordinal);

    /// <summary>Flagged share per group at other review cut-offs (for choosing the default; the gate uses the shipped one).</summary>
    public RateTable Sweep { get; } = new($"{title}: flagged share per group at other review cut-offs");

    public InjectionEvaluator Score(IEnumerable<LabelledRow> rows)
    {
        foreach (var row in rows)
        {
            var score = detector.Score(TextNormalizer.Normalize(row.Text));
            var flagged = score.FlaggedAt(ModerationPolicy.DefaultReviewThreshold);
            var blocked = score.Findings(ModerationPolicy.DefaultReviewThreshold, ModerationPolicy.DefaultBlockThreshold)
                .Any(f => f.Category == Detectors.ModerationCategories.PromptInjection && f.Kind != "none");
            PerSource.Add(row.Source, flagged, blocked);
            PerGroupAndBin.Add($"{row.Group} {row.LengthBin}", flagged, blocked);
            PerGroupAndBin.Add($"{row.Group} all", flagged, blocked);
            PerStyle.Add($"{row.Group}: {row.Style}", flagged, blocked);
            foreach (var cut in (double[])[0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999])
            {
                Sweep.Add($"{row.Group} at {cut:F3}", score.FlaggedAt(cut), score.Confident || score.Score >= cut);
            }
            if (flagged) PerCheck.Add($"{row.Group}: {score.Kind}", flagged, blocked);
            // At most three printed misses per source and style, so every attack style shows what it looks like.
            var missKey = $"{row.Source} {row.Style}";
            if (flagged != row.Attack && missesPerStyle.GetValueOrDefault(missKey) < 3)
            {
                missesPerStyle[missKey] = missesPerStyle.GetValueOrDefault(missKey) + 1;
                Misses.Add($"MISS {row.Source} {row.Style} attack={row.Attack} {score.Kind} {score.Score:F2}: {row.Text[..Math.Min(160, row.Text.Length)].ReplaceLineEndings(" / ")}");
            }
        }
        return this;
    }

    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        foreach (var key in PerGroupAndBin.Keys)
        {
            var group = key[..key.IndexOf(' ')];
            var rate = PerGroupAndBin.FlaggedRate(key);
            if ((key.EndsWith(" all", StringComparison.Ordinal) || PerGroupAndBin.Lines(key) >= EvaluationGroups.MinimumLinesPerBin)
                && !EvaluationGroups.Meets(group, rate))
            {
                failures.Add($"{key}: {rate:P1} flagged over {PerGroupAndBin.Lines(key)} lines");
            }
        }
        return failures;
    }

    public override string ToString() => $"{PerGroupAndBin}{PerSource}{PerStyle}{PerCheck}{Sweep}";
}
