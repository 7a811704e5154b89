using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors;

/// <summary>
/// The outcome of an input check. <see cref="Text"/> is what may go to the provider (masked when the policy says so);
/// <see cref="Placeholders"/> restores it. <see cref="ReviewText"/> has every PII and secret masked (for audit and review). <see cref="Reason"/> is a user-readable sentence when blocked.
/// </summary>
public sealed record InputVerdict(
    ModerationAction Action,
    string Text,
    IReadOnlyDictionary<string, string> Placeholders,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, double> CategoryScores,
    IReadOnlySet<string> FlaggedCategories,
    IReadOnlyList<string> FailedStages,
    string? Reason,
    string ReviewText)
{
    public bool Blocked => Action == ModerationAction.Block;

    public bool FlagForReview => Action is ModerationAction.Flag or ModerationAction.Block;
}
