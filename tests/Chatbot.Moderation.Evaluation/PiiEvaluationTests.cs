using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Pii;
using Xunit.Abstractions;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// Scores the PII and secret detector per kind on the evaluation set (positives and look-alike negatives) and fails
/// when recall over all kinds is below 98 % (issue 7) or when more than 5 % of the look-alikes are reported.
/// </summary>
public sealed class PiiEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.98;
    private const double MaximumLookAlikeFalsePositiveRate = 0.05;

    [Fact]
    public void Pii_recall_meets_the_threshold_and_look_alikes_are_not_reported()
    {
        var rows = EvaluationSet.Load("pii-eval.tsv");
        var tp = new Dictionary<string, int>();
        var fp = new Dictionary<string, int>();
        var fn = new Dictionary<string, int>();
        var lookAlikesReported = 0;
        foreach (var (label, text) in rows)
        {
            var kinds = PiiDetector.Detect(TextNormalizer.Clean(text)).Select(f => f.Kind).ToHashSet();
            if (label != "NONE")
            {
                Increment(kinds.Contains(label) ? tp : fn, label);
            }
            else if (kinds.Count > 0)
            {
                lookAlikesReported++;
            }
            foreach (var kind in kinds.Where(k => k != label))
            {
                Increment(fp, kind);
            }
            if ((label != "NONE" && !kinds.Contains(label)) || kinds.Any(k => k != label))
            {
                output.WriteLine($"MISS expected={label} got=[{string.Join(',', kinds)}]: {text[..Math.Min(60, text.Length)]}");
            }
        }
        var scores = tp.Keys.Concat(fp.Keys).Concat(fn.Keys).Distinct().Order()
            .Select(k => new ClassScore(k, tp.GetValueOrDefault(k), fp.GetValueOrDefault(k), fn.GetValueOrDefault(k))).ToList();
        var total = new ClassScore("all PII + secrets", scores.Sum(s => s.TruePositives), scores.Sum(s => s.FalsePositives), scores.Sum(s => s.FalseNegatives));
        var lookAlikes = rows.Count(r => r.Label == "NONE");
        var lookAlikeRate = (double)lookAlikesReported / lookAlikes;
        output.WriteLine(ClassScore.Header);
        scores.ForEach(s => output.WriteLine(s.ToString()));
        output.WriteLine(total.ToString());
        output.WriteLine($"look-alike negatives reported: {lookAlikeRate:P1} ({lookAlikesReported}/{lookAlikes})");

        Assert.True(total.Recall >= MinimumRecall, $"PII recall {total.Recall:P1} is below {MinimumRecall:P0}.");
        Assert.True(lookAlikeRate <= MaximumLookAlikeFalsePositiveRate,
            $"{lookAlikeRate:P1} of look-alike negatives were reported (maximum {MaximumLookAlikeFalsePositiveRate:P0}).");
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
