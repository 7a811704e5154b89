namespace Chatbot.Moderation.Detectors.Policy;

/// <summary>
/// A tenant's moderation policy: an action per category (our categories and the tenant's harmful-content lists),
/// term lists per harmful category, the classifier threshold, the per-stage timeout and the fail mode.
/// </summary>
public sealed class ModerationPolicy
{
    public Dictionary<string, ModerationAction> Actions { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [ModerationCategories.PromptInjection] = ModerationAction.Block,
        [ModerationCategories.SystemPromptLeak] = ModerationAction.Block,
        [ModerationCategories.Pii] = ModerationAction.Mask,
        [ModerationCategories.Secret] = ModerationAction.Mask,
    };

    /// <summary>Harmful-content categories of this tenant: category name → words or phrases (matched on folded text).</summary>
    public Dictionary<string, string[]> BlockedTerms { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Action for a harmful category that has no entry in <see cref="Actions"/>.</summary>
    public ModerationAction HarmfulDefault { get; set; } = ModerationAction.Block;

    public double InjectionThreshold { get; set; } = 0.85;

    public TimeSpan StageTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    public FailMode FailMode { get; set; } = FailMode.Closed;

    public bool Canary { get; set; } = true;

    public ModerationAction ActionFor(string category) =>
        Actions.TryGetValue(category, out var action) ? action
        : BlockedTerms.ContainsKey(category) ? HarmfulDefault
        : ModerationAction.Allow;
}
