using System.Text.RegularExpressions;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Providers;

namespace Chatbot.Moderation.Policies;

/// <summary>Validates a <see cref="TenantPolicyDocument"/> (errors keyed by field) and converts it to and from a policy.</summary>
public static partial class TenantPolicyMapper
{
    public const int MaxCategories = 50;
    public const int MaxTermsPerCategory = 500;
    public const int MaxTermLength = 200;
    public const int MaxResponseCacheSeconds = 7 * 24 * 3600;
    /// <summary>The detection stages a policy can name (and whose bypasses are counted).</summary>
    public static readonly IReadOnlyList<string> Stages =
        [ModerationCategories.PromptInjection, ModerationCategories.Pii, "harmful", ProviderModerationOptions.StageName, "normalization"];

    public static Dictionary<string, string[]> Validate(TenantPolicyDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (category, action) in document.Actions ?? [])
        {
            if (!CategoryName().IsMatch(category)) errors[$"actions.{category}"] = ["Category names are 1-64 characters of a-z, 0-9, '_', '-' or '/'."];
            else if (ParseAction(action) is not { } parsed) errors[$"actions.{category}"] = ["The action must be allow, mask, block or review."];
            else if (parsed == ModerationAction.Mask && category is not (ModerationCategories.Pii or ModerationCategories.Secret))
                errors[$"actions.{category}"] = ["Only pii and secret can be masked."];
        }
        var terms = document.HarmfulTerms ?? [];
        if (terms.Count > MaxCategories) errors["harmfulTerms"] = [$"At most {MaxCategories} harmful categories."];
        foreach (var (category, list) in terms)
        {
            if (!CategoryName().IsMatch(category) || ModerationCategories.IsOwn(category))
                errors[$"harmfulTerms.{category}"] = ["Category names are 1-64 characters of a-z, 0-9, '_', '-' or '/' and not one of ours."];
            else if (list is null || list.Length > MaxTermsPerCategory || list.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTermLength))
                errors[$"harmfulTerms.{category}"] = [$"Between 0 and {MaxTermsPerCategory} non-empty terms of at most {MaxTermLength} characters."];
        }
        if (document.HarmfulDefault is { } harmful && ParseAction(harmful) is not (ModerationAction.Allow or ModerationAction.Flag or ModerationAction.Block))
            errors["harmfulDefault"] = ["The harmful default must be allow, review or block."];
        if (document.FailMode is { } mode && ParseFailMode(mode) is null) errors["failMode"] = ["The fail mode must be closed or open."];
        foreach (var (stage, stageMode) in document.StageFailModes ?? [])
        {
            if (!Stages.Contains(stage)) errors[$"stageFailModes.{stage}"] = [$"Unknown stage; stages are {string.Join(", ", Stages)}."];
            else if (ParseFailMode(stageMode) is null) errors[$"stageFailModes.{stage}"] = ["The fail mode must be closed or open."];
        }
        if (document.InjectionThreshold is < 0.5 or > 1) errors["injectionThreshold"] = ["The injection threshold must be between 0.5 and 1."];
        if (document.InjectionReviewThreshold is < 0.05 or > 1) errors["injectionReviewThreshold"] = ["The injection review threshold must be between 0.05 and 1."];
        else if (document.InjectionReviewThreshold > (document.InjectionThreshold ?? 1))
            errors["injectionReviewThreshold"] = ["The injection review threshold must not be above the injection (block) threshold."];
        if (document.ResponseCacheSeconds is < 0 or > MaxResponseCacheSeconds)
            errors["responseCacheSeconds"] = [$"The response cache lifetime must be between 0 (off) and {MaxResponseCacheSeconds} seconds."];
        if (document.StageTimeoutMilliseconds is < 10 or > 10_000) errors["stageTimeoutMilliseconds"] = ["The stage timeout must be between 10 and 10000 ms."];
        return errors;
    }

    /// <summary>The baseline (configured) policy with everything the document sets replaced. The document must be valid.</summary>
    public static ModerationPolicy Apply(ModerationPolicy baseline, TenantPolicyDocument document)
    {
        var policy = new ModerationPolicy
        {
            Actions = new(baseline.Actions, StringComparer.OrdinalIgnoreCase),
            BlockedTerms = document.HarmfulTerms is { } terms
                ? new(terms.Where(t => t.Value.Length > 0), StringComparer.OrdinalIgnoreCase)
                : new(baseline.BlockedTerms, StringComparer.OrdinalIgnoreCase),
            HarmfulDefault = document.HarmfulDefault is { } harmful ? ParseAction(harmful)!.Value : baseline.HarmfulDefault,
            InjectionThreshold = document.InjectionThreshold ?? baseline.InjectionThreshold,
            InjectionReviewThreshold = document.InjectionReviewThreshold ?? Math.Min(baseline.InjectionReviewThreshold,
                document.InjectionThreshold ?? baseline.InjectionThreshold),
            StageTimeout = document.StageTimeoutMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : baseline.StageTimeout,
            FailMode = document.FailMode is { } mode ? ParseFailMode(mode)!.Value : baseline.FailMode,
            StageFailModes = new(baseline.StageFailModes, StringComparer.OrdinalIgnoreCase),
            Canary = document.Canary ?? baseline.Canary,
            ResponseCacheSeconds = document.ResponseCacheSeconds ?? baseline.ResponseCacheSeconds,
        };
        foreach (var (category, action) in document.Actions ?? []) policy.Actions[category] = ParseAction(action)!.Value;
        foreach (var (stage, stageMode) in document.StageFailModes ?? []) policy.StageFailModes[stage] = ParseFailMode(stageMode)!.Value;
        return policy;
    }

    public static TenantPolicyDocument ToDocument(ModerationPolicy policy) => new(
        policy.Actions.ToDictionary(a => a.Key, a => Name(a.Value)),
        policy.BlockedTerms.ToDictionary(t => t.Key, t => t.Value),
        Name(policy.HarmfulDefault),
        policy.FailMode.ToString().ToLowerInvariant(),
        policy.StageFailModes.ToDictionary(s => s.Key, s => s.Value.ToString().ToLowerInvariant()),
        policy.InjectionThreshold,
        (int)policy.StageTimeout.TotalMilliseconds,
        policy.Canary,
        policy.InjectionReviewThreshold,
        policy.ResponseCacheSeconds);

    private static string Name(ModerationAction action) => action == ModerationAction.Flag ? "review" : action.ToString().ToLowerInvariant();

    private static ModerationAction? ParseAction(string? action) => action?.ToLowerInvariant() switch
    {
        "allow" => ModerationAction.Allow,
        "mask" => ModerationAction.Mask,
        "block" => ModerationAction.Block,
        "review" => ModerationAction.Flag,
        _ => null,
    };

    private static FailMode? ParseFailMode(string? mode) => mode?.ToLowerInvariant() switch
    {
        "closed" => Detectors.Policy.FailMode.Closed,
        "open" => Detectors.Policy.FailMode.Open,
        _ => null,
    };

    [GeneratedRegex("^[a-z0-9_/-]{1,64}$")]
    private static partial Regex CategoryName();
}
