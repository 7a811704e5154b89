using System.Diagnostics;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Detectors.Telemetry;

namespace Chatbot.Moderation.Detectors;

/// <summary>
/// Runs every input stage on the normalised text and applies the tenant policy: block, flag, mask or allow. A stage
/// that throws (a regex timeout included) or a remote stage that overruns its timeout is counted as a bypass; when that
/// stage's fail mode is <see cref="FailMode.Closed"/> (the default) the input is then blocked. A local stage that
/// finished after the policy's stage timeout keeps its findings and is counted as slow.
/// </summary>
public sealed class InputModerator(IEnumerable<IInputDetector> stages, ModerationMetrics metrics,
    IEnumerable<IAsyncInputDetector>? remoteStages = null)
{
    private readonly IInputDetector[] stages = [.. stages];
    private readonly IAsyncInputDetector[] remoteStages = [.. remoteStages ?? []];

    /// <summary>The in-process stages only (benchmarks, evaluation, warm-up).</summary>
    public InputVerdict Check(string? input, ModerationPolicy policy)
    {
        var started = Stopwatch.GetTimestamp();
        var (text, findings, failed) = RunLocal(input, policy);
        return Finish(text, findings, failed, policy, started);
    }

    /// <summary>
    /// Every stage: the in-process ones, then the remote ones (a provider moderation API) on the text with PII and
    /// secrets masked, each bounded by its timeout; a remote failure is a bypass under the stage's fail mode. When the
    /// in-process stages already block the input (a blocking finding, or a failed stage under a closed fail mode), the
    /// remote stages are skipped: their answer could not change the verdict, and a call costs money and latency. A stage
    /// scoped to the grey zone (<see cref="RemoteStageScope.GreyZone"/>) is called only when <see cref="GreyZone.IsGreyZone"/>.
    /// </summary>
    public async Task<InputVerdict> CheckAsync(string? input, ModerationPolicy policy, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (text, findings, failed) = RunLocal(input, policy);
        if (remoteStages.Length > 0 && text.Clean.Length > 0 && !BlockedLocally(findings, failed, policy))
        {
            var masked = Masker.Mask(text.Clean, findings.Where(f => f.Length > 0
                && f.Category is ModerationCategories.Pii or ModerationCategories.Secret)).Text;
            var greyZone = GreyZone.IsGreyZone(findings, policy);
            foreach (var stage in remoteStages.Where(s => s.Scope == RemoteStageScope.Always || greyZone))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(stage.Timeout);
                try
                {
                    findings.AddRange(await stage.DetectAsync(masked, policy, timeout.Token));
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failed.Add(stage.Stage);
                    metrics.Bypass(stage.Stage, Label(policy.FailModeFor(stage.Stage, stage.FailMode)),
                        ex is OperationCanceledException or TimeoutException ? "timeout" : "error");
                }
            }
        }
        return Finish(text, findings, failed, policy, started,
            remoteStages.ToDictionary(s => s.Stage, s => s.FailMode, StringComparer.Ordinal));
    }

    private (NormalizedText Text, List<Finding> Findings, List<string> Failed) RunLocal(string? input, ModerationPolicy policy)
    {
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
            metrics.Bypass("normalization", Label(policy.FailModeFor("normalization")), "error");
            var raw = input ?? string.Empty;
            text = new NormalizedText(raw, raw.ToLowerInvariant(), [], false);
        }
        foreach (var stage in stages)
        {
            var stageStarted = Stopwatch.GetTimestamp();
            try
            {
                findings.AddRange(stage.Detect(text, policy));
                // A local stage that finished late still gave its answer (throwing it away would block on a busy CPU):
                // counted, not failed. Its regexes carry their own timeouts, which do fail the stage.
                if (Stopwatch.GetElapsedTime(stageStarted) > policy.StageTimeout) metrics.SlowStage(stage.Stage);
            }
            catch (Exception ex)
            {
                failed.Add(stage.Stage);
                metrics.Bypass(stage.Stage, Label(policy.FailModeFor(stage.Stage)), ex is TimeoutException or System.Text.RegularExpressions.RegexMatchTimeoutException ? "timeout" : "error");
            }
        }
        return (text, findings, failed);
    }

    private InputVerdict Finish(NormalizedText text, List<Finding> findings, List<string> failed, ModerationPolicy policy,
        long started, IReadOnlyDictionary<string, FailMode>? stageDefaults = null)
    {
        var failClosed = failed.Any(stage => policy.FailModeFor(stage,
            stageDefaults is not null && stageDefaults.TryGetValue(stage, out var mode) ? mode : null) == FailMode.Closed);
        var verdict = Decide(text, findings, failed, failClosed, policy);
        metrics.Verdict("input", verdict.Action.ToString().ToLowerInvariant());
        metrics.Duration("input", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return verdict;
    }

    private static bool BlockedLocally(List<Finding> findings, List<string> failed, ModerationPolicy policy) =>
        failed.Any(stage => policy.FailModeFor(stage) == FailMode.Closed)
        || findings.Any(f => f.Kind != "none" && policy.ActionFor(f.Category) == ModerationAction.Block);

    private static string Label(FailMode mode) => mode.ToString().ToLowerInvariant();

    private static InputVerdict Decide(NormalizedText text, List<Finding> findings, List<string> failed, bool failClosed,
        ModerationPolicy policy)
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
        if (failClosed)
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
