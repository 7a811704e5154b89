using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Pii;
using Xunit.Abstractions;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// Scores the PII and secret detector on the committed self-written sets (positives per kind and look-alike
/// negatives) and fails under issue 24's goals: PII recall ≥ 98 % for each kind, secrets recall ≥ 95 %, and at most
/// 2 % of the look-alikes of either set reported as anything.
/// </summary>
public sealed class PiiEvaluationTests(ITestOutputHelper output)
{
    private const double MaximumLookAlikeRate = 0.02;

    [Fact]
    public void Pii_recall_is_at_least_98_percent_for_each_kind_and_look_alikes_are_not_reported()
    {
        var score = Score("pii-eval.tsv");
        foreach (var kind in score.Kinds)
        {
            Assert.True(kind.Recall >= 0.98, $"{kind.Class} recall {kind.Recall:P1} is below 98 %.");
        }
        Assert.True(score.LookAlikeRate <= MaximumLookAlikeRate, $"{score.LookAlikeRate:P1} of PII look-alikes were reported.");
    }

    [Fact]
    public void Secret_recall_is_at_least_95_percent_and_look_alikes_are_not_reported()
    {
        var score = Score("secrets-eval.tsv");
        Assert.True(score.Total.Recall >= 0.95, $"Secret recall {score.Total.Recall:P1} is below 95 %.");
        Assert.True(score.LookAlikeRate <= MaximumLookAlikeRate, $"{score.LookAlikeRate:P1} of secret look-alikes were reported.");
    }

    /// <summary>Labels are a kind (<c>CARD</c>), a kind and its format (<c>API_KEY:stripe-live-secret</c>) or <c>NONE</c>.</summary>
    private PiiScore Score(string file)
    {
        var rows = EvaluationSet.Load(file);
        var counts = new Dictionary<string, (int Found, int Missed)>();
        var formats = new Dictionary<string, (int Found, int Missed)>();
        var lookAlikesReported = 0;
        foreach (var (label, text) in rows)
        {
            var kinds = PiiDetector.Detect(TextNormalizer.Clean(text)).Select(f => f.Kind).ToHashSet();
            if (label == "NONE")
            {
                if (kinds.Count == 0) continue;
                lookAlikesReported++;
                output.WriteLine($"LOOK-ALIKE REPORTED as [{string.Join(',', kinds)}]: {text[..Math.Min(90, text.Length)]}");
                continue;
            }
            var kind = label.Split(':')[0];
            var found = kinds.Contains(kind);
            counts[kind] = Add(counts.GetValueOrDefault(kind), found);
            formats[label] = Add(formats.GetValueOrDefault(label), found);
            if (!found) output.WriteLine($"MISSED {label} (got [{string.Join(',', kinds)}]): {text[..Math.Min(90, text.Length)]}");
        }
        var scores = counts.OrderBy(c => c.Key).Select(c => new ClassScore(c.Key, c.Value.Found, 0, c.Value.Missed)).ToList();
        var total = new ClassScore("all", scores.Sum(s => s.TruePositives), 0, scores.Sum(s => s.FalseNegatives));
        var lookAlikes = rows.Count(r => r.Label == "NONE");
        var result = new PiiScore(scores, total, (double)lookAlikesReported / lookAlikes);
        output.WriteLine($"{file}: {rows.Count - lookAlikes} positives in {formats.Count} formats, {lookAlikes} look-alikes");
        output.WriteLine(ClassScore.Header);
        scores.ForEach(s => output.WriteLine(s.ToString()));
        output.WriteLine(total.ToString());
        output.WriteLine($"look-alikes reported: {result.LookAlikeRate:P1} ({lookAlikesReported}/{lookAlikes})");
        return result;
    }

    private static (int Found, int Missed) Add((int Found, int Missed) count, bool found) =>
        found ? (count.Found + 1, count.Missed) : (count.Found, count.Missed + 1);

    private sealed record PiiScore(IReadOnlyList<ClassScore> Kinds, ClassScore Total, double LookAlikeRate);
}
