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

    [Fact]
    public void Each_training_source_meets_the_goals_when_left_out_of_training()
    {
        var sources = InjectionClassifier.LoadEmbeddedSources();
        var failures = new List<string>();
        var table = new RateTable("leave one training source out (author A): each source scored by a model trained on the others");
        foreach (var (name, rows) in sources.Where(s => s.Key != "legacy"))
        {
            using var classifier = new InjectionClassifier([.. sources.Where(s => s.Key != name).SelectMany(s => s.Value)]);
            var evaluation = new InjectionEvaluator(classifier, name)
                .Score(rows.Select(r => new LabelledRow("training/" + name, name, r.Label, r.Text)));
            foreach (var key in evaluation.PerGroupAndBin.Keys.Where(k => k.EndsWith(" all", StringComparison.Ordinal)))
            {
                var rate = evaluation.PerGroupAndBin.FlaggedRate(key);
                table.Add(name, rate > 0.5, false);
                output.WriteLine($"| {name} | {key} | {evaluation.PerGroupAndBin.Lines(key)} | {rate:P1} |");
            }
            failures.AddRange(evaluation.Failures().Select(f => $"{name}: {f}"));
        }
        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
    }

    [Fact]
    public void The_first_evaluation_set_still_scores_as_before()
    {
        // Written beside the first training lines and tuned on: a regression check, not a measure of generalisation.
        using var classifier = new InjectionClassifier();
        var rows = EvaluationSet.Load("injection-eval.tsv").Select(r => new LabelledRow("injection-eval", "seen", r.Label == "1", r.Text));
        var evaluation = new InjectionEvaluator(classifier, "first evaluation set (seen)").Score(rows);
        Report(evaluation);
        Assert.True(evaluation.PerGroupAndBin.FlaggedRate("attacks all") >= 0.95);
        Assert.True(evaluation.PerGroupAndBin.FlaggedRate("everyday all") <= 0.03);
    }

    /// <summary>
    /// The public sets (BIPIA, alpaca), read from <see cref="ExternalSets.Directory"/> when the lead has provided them. Absent
    /// data is reported in the output, and fails the test when <c>MODERATION_EXTERNAL_REQUIRED=1</c>. Only the everyday false
    /// positives (alpaca and BIPIA's clean contexts) are gated: the BIPIA recall is a figure for docs/moderation-evaluation.md.
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
    }

    private void Report(InjectionEvaluator evaluation)
    {
        output.WriteLine(evaluation.ToString());
        evaluation.Misses.ForEach(output.WriteLine);
        foreach (var failure in evaluation.Failures()) output.WriteLine($"FAILS GOAL: {failure}");
    }
}
