using Chatbot.Moderation.Detectors.Injection;
using Xunit.Abstractions;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// Scores the injection detector only on sources it never trained on (split by source, never at random) and fails when
/// a goal group misses its goal of issue 24 in any length bin: attack recall at least 95 %, at most 2 % of everyday
/// requests and at most 5 % of persona prompts flagged (grey zone or block: both count as a false positive here).
/// </summary>
public sealed class InjectionEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Held_out_sources_meet_the_goals_in_every_length_bin()
    {
        using var classifier = new InjectionClassifier();
        var evaluation = new InjectionEvaluator(classifier, "held-out sources (author B)").Score(EvaluationSet.HeldOut());
        Report(evaluation);
        Assert.Empty(evaluation.Failures());
    }

    /// <summary>
    /// Leave one training source (a whole genre of author A) out, train on the rest, score it: how the model does on a kind
    /// of text it has never seen. The issue's goals are NOT met this way (see docs/moderation-evaluation.md); the test
    /// holds the measured level as a floor so that a change that generalises worse fails.
    /// </summary>
    [Fact]
    public void Training_sources_left_out_one_at_a_time_stay_above_the_measured_floor()
    {
        var sources = InjectionClassifier.LoadEmbeddedSources();
        int attacks = 0, caught = 0, benign = 0, flagged = 0;
        foreach (var (name, rows) in sources.Where(s => s.Key != "legacy"))
        {
            using var classifier = new InjectionClassifier([.. sources.Where(s => s.Key != name).SelectMany(s => s.Value)]);
            var evaluation = new InjectionEvaluator(classifier, name)
                .Score(rows.Select(r => new LabelledRow("training/" + name, name, r.Label, r.Text)));
            foreach (var key in evaluation.PerGroupAndBin.Keys.Where(k => k.EndsWith(" all", StringComparison.Ordinal)))
            {
                var (lines, rate) = (evaluation.PerGroupAndBin.Lines(key), evaluation.PerGroupAndBin.FlaggedRate(key));
                output.WriteLine($"| {name} | {key} | {lines} | {rate:P1} |");
                if (key.StartsWith(EvaluationGroups.Attacks, StringComparison.Ordinal)) (attacks, caught) = (attacks + lines, caught + (int)Math.Round(rate * lines));
                else (benign, flagged) = (benign + lines, flagged + (int)Math.Round(rate * lines));
            }
        }
        output.WriteLine($"left-out attack sources: recall {(double)caught / attacks:P1}; left-out benign sources: flagged {(double)flagged / benign:P1}");
        // Measured 90.4 % and 14.1 % (docs/moderation-evaluation.md, fifth session); the floors leave a little room.
        Assert.True((double)caught / attacks >= 0.88, $"Left-out recall {(double)caught / attacks:P1} is below the measured floor of 88 %.");
        Assert.True((double)flagged / benign <= 0.18, $"Left-out benign flagged {(double)flagged / benign:P1} is above the measured ceiling of 18 %.");
    }

    [Fact]
    public void The_first_evaluation_set_still_scores_as_before()
    {
        // Written beside the first training lines and tuned on: a regression check, not a measure of generalisation.
        using var classifier = new InjectionClassifier();
        var rows = EvaluationSet.Load("injection-eval.tsv").Select(r => new LabelledRow("injection-eval", "seen", r.Label == "1", r.Text));
        var evaluation = new InjectionEvaluator(classifier, "first evaluation set (seen)").Score(rows);
        Report(evaluation);
        // The thresholds of issue 7, under which this set was first gated.
        Assert.True(evaluation.PerGroupAndBin.FlaggedRate("attacks all") >= 0.90);
        Assert.True(evaluation.PerGroupAndBin.FlaggedRate("everyday all") <= 0.03);
    }

    /// <summary>
    /// The public sets (BIPIA, alpaca), read from <see cref="ExternalSets.Directory"/> when the lead has provided them. Absent
    /// data is reported in the output, and fails the test when <c>MODERATION_EXTERNAL_REQUIRED=1</c>. Gated on the goals over
    /// each whole group: the everyday false positives (alpaca and BIPIA's clean contexts) and the recall on BIPIA's attacked
    /// contexts (test split: the embedded-content rules were written from its train split, whose attack categories differ).
    /// Length bins that miss a goal are printed (FAILS GOAL), not gated: see docs/moderation-evaluation.md.
    /// </summary>
    [Fact]
    public void External_public_sets_are_scored_when_present()
    {
        var (rows, missing) = ExternalSets.Load();
        foreach (var name in missing) output.WriteLine($"ABSENT: {Path.Combine(ExternalSets.Directory, name)} (set {ExternalSets.Variable})");
        if (Environment.GetEnvironmentVariable("MODERATION_EXTERNAL_REQUIRED") == "1") Assert.Empty(missing);
        if (rows.Count == 0) return;
        using var classifier = new InjectionClassifier();
        var evaluation = new InjectionEvaluator(classifier, "external public sets").Score(rows);
        Report(evaluation);
        Assert.True(evaluation.PerGroupAndBin.FlaggedRate("everyday all") <= EvaluationGroups.MaximumEverydayFlagged,
            $"External everyday false positives {evaluation.PerGroupAndBin.FlaggedRate("everyday all"):P1}.");
        if (evaluation.PerGroupAndBin.Lines("attacks all") > 0)
        {
            Assert.True(evaluation.PerGroupAndBin.FlaggedRate("attacks all") >= EvaluationGroups.MinimumRecall,
                $"External attack recall {evaluation.PerGroupAndBin.FlaggedRate("attacks all"):P1}.");
        }
    }

    private void Report(InjectionEvaluator evaluation)
    {
        output.WriteLine(evaluation.ToString());
        evaluation.Misses.ForEach(output.WriteLine);
        foreach (var failure in evaluation.Failures()) output.WriteLine($"FAILS GOAL: {failure}");
    }
}
