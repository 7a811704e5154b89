using System.Diagnostics;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Detectors.Telemetry;

namespace Chatbot.Moderation.Detectors;

/// <summary>
/// Runs every input stage on the normalised text and applies the tenant policy: block, flag, mask or allow. A stage
/// that throws or overruns <see cref="ModerationPolicy.StageTimeout"/> is counted as a bypass; with
/// <see cref="FailMode.Closed"/> (the default) the input is then blocked.
/// </summary>
public sealed class InputModerator(IEnumerable<IInputDetector> stages, ModerationMetrics metrics)
{
    private readonly IInputDetector[] stages = [.. stages];

    public InputVerdict Check(string? input, ModerationPolicy policy)
    {
        var started = Stopwatch.GetTimestamp();
        var findings = new List<Finding>();
        var failed = new List<string>();
        NormalizedText text;
        try
        {
            text = TextNormalizer.Normalize(input);
        }
        catch (Exception ex) when (ex is System.Text.RegularExpressions.RegexMatchTimeoutException or ArgumentException)
        {
            // Without a normal form no detector can be trusted: fail like a stage, then check the raw text as well as we can.
            failed.Add("normalization");
            metrics.Bypass("normalization", policy.FailMode.ToString().ToLowerInvariant(), "error");
            var raw = input ?? string.Empty;
            text = new NormalizedText(raw, raw.ToLowerInvariant(), [], false);
        }
        foreach (var stage in stages)
        {
            var stageStarted = Stopwatch.GetTimestamp();
            try
            {
                var found = stage.Detect(text, policy).ToList();
                if (Stopwatch.GetElapsedTime(stageStarted) > policy.StageTimeout)
                {
                    throw new TimeoutException($"Stage {stage.Stage} overran its timeout.");
                }
                findings.AddRange(found);
            }
            catch (Exception ex)
            {
                failed.Add(stage.Stage);
                metrics.Bypass(stage.Stage, policy.FailMode.ToString().ToLowerInvariant(), ex is TimeoutException or System.Text.RegularExpressions.RegexMatchTimeoutException ? "timeout" : "error");
            }
        }
        var verdict = Decide(text, findings, failed, policy);
        metrics.Verdict("input", verdict.Action.ToString().ToLowerInvariant());
        metrics.Duration("input", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return verdict;
    }

    private static InputVerdict Decide(NormalizedText text, List<Finding> findings, List<string> failed, ModerationPolicy policy)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            scores[finding.Category] = Math.Max(scores.GetValueOrDefault(finding.Category), finding.Score);
            if (finding.Kind != "none") flagged.Add(finding.Category);
        }
        var action = flagged.Select(policy.ActionFor).DefaultIfEmpty(ModerationAction.Allow).Max();
        string? reason = null;
        if (failed.Count > 0 && policy.FailMode == FailMode.Closed)
        {
            action = ModerationAction.Block;
            reason = "Your message could not be checked right now, so it was not sent. Please try again.";
        }
        else if (action == ModerationAction.Block)
        {
            reason = Reasons.For(flagged.First(c => policy.ActionFor(c) == ModerationAction.Block));
        }
        var toMask = findings.Where(f => f.Length > 0 && flagged.Contains(f.Category) && policy.ActionFor(f.Category) == ModerationAction.Mask);
        var masked = action == ModerationAction.Block ? new MaskedText(string.Empty, new Dictionary<string, string>())
            : Masker.Mask(text.Clean, toMask);
        var review = Masker.Mask(text.Clean, findings.Where(f => f.Length > 0
            && f.Category is ModerationCategories.Pii or ModerationCategories.Secret)).Text;
        return new InputVerdict(action, masked.Text, masked.Placeholders, findings.Where(f => f.Kind != "none").ToList(),
            scores, flagged, failed, reason, review);
    }
}
