namespace Chatbot.Moderation.Detectors.Policy;

/// <summary>
/// A tenant's moderation policy: an action per category (our categories and the tenant's harmful-content lists),
/// term lists per harmful category, the two injection cut-offs (review and block), the per-stage timeout and the fail mode.
/// </summary>
public sealed class ModerationPolicy
{
    public Dictionary<string, ModerationAction> Actions { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ModerationCategories.PromptInjection] = ModerationAction.Block,
        [ModerationCategories.SuspectedInjection] = ModerationAction.Flag,
        [ModerationCategories.SystemPromptLeak] = ModerationAction.Block,
        [ModerationCategories.Pii] = ModerationAction.Mask,
        [ModerationCategories.Secret] = ModerationAction.Mask,
    };

    /// <summary>Harmful-content categories of this tenant: category name → words or phrases (matched on folded text).</summary>
    public Dictionary<string, string[]> BlockedTerms { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Action for a harmful category that has no entry in <see cref="Actions"/>.</summary>
    public ModerationAction HarmfulDefault { get; set; } = ModerationAction.Block;

    /// <summary>
    /// The upper cut-off: a classifier score at or above it is a confident attack (<c>prompt_injection</c>, blocked). At 1
    /// (the default) only the blocking rules, whose intent is precise, refuse a message; the classifier sends to review.
    /// </summary>
    public double InjectionThreshold { get; set; } = DefaultBlockThreshold;

    /// <summary>The lower cut-off: a score at or above it (and below <see cref="InjectionThreshold"/>) is the grey zone
    /// (<c>prompt_injection_suspected</c>: answered as untrusted data, reviewed, audited).</summary>
    public double InjectionReviewThreshold { get; set; } = DefaultReviewThreshold;

    public const double DefaultBlockThreshold = 1.0;
    public const double DefaultReviewThreshold = 0.9;

    /// <summary>A local stage slower than this is counted as slow (<c>chatbot.moderation.slow_stages</c>); its findings still count.</summary>
    public TimeSpan StageTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    public FailMode FailMode { get; set; } = FailMode.Closed;

    /// <summary>Fail mode of one stage (<c>prompt_injection</c>, <c>pii</c>, <c>harmful</c>, <c>provider</c>), overriding <see cref="FailMode"/>.</summary>
    public Dictionary<string, FailMode> StageFailModes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Canary { get; set; } = true;

    /// <summary>Response cache lifetime of this tenant's turns without personal data; 0 (the default): the tenant did not opt in.</summary>
    public int ResponseCacheSeconds { get; set; }

    /// <summary>
    /// Regions (ISO 3166 alpha-2) whose national phone formats this tenant's users write, tried before the detector's
    /// defaults; international numbers (<c>+CC</c>) are recognised for every country regardless.
    /// </summary>
    public string[] PhoneRegions { get; set; } = [];

    /// <summary>
    /// The policy's action for a category; our own categories without an entry are allowed, every other category
    /// (the tenant's term lists, a provider moderation API's categories) gets <see cref="HarmfulDefault"/>.
    /// </summary>
    public ModerationAction ActionFor(string category) =>
        Actions.TryGetValue(category, out var action) ? action
        : ModerationCategories.IsOwn(category) ? ModerationAction.Allow
        : HarmfulDefault;

    /// <summary>The tenant's fail mode for a stage, else the stage's own default, else <see cref="FailMode"/>.</summary>
    public FailMode FailModeFor(string stage, FailMode? stageDefault = null) =>
        StageFailModes.TryGetValue(stage, out var mode) ? mode : stageDefault ?? FailMode;
}
