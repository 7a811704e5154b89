using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors;

/// <summary>
/// The band between the tenant's two injection cut-offs: a prompt-injection score at or above
/// <see cref="ModerationPolicy.InjectionReviewThreshold"/> and below <see cref="ModerationPolicy.InjectionThreshold"/>.
/// Below it the input is allowed, above it blocked; inside it a second opinion (a guard model) is worth its latency.
/// </summary>
public static class GreyZone
{
    public static bool IsGreyZone(IEnumerable<Finding> findings, ModerationPolicy policy)
    {
        var all = findings as IReadOnlyCollection<Finding> ?? findings.ToList();
        var score = all.Where(f => f.Category == ModerationCategories.PromptInjection)
            .Select(f => f.Score).DefaultIfEmpty(0).Max();
        if (score >= policy.InjectionThreshold) return false;
        // A review rule marks the grey zone on its own (InjectionScore.Findings), whatever the classifier's score.
        return score >= policy.InjectionReviewThreshold || all.Any(f => f.Category == ModerationCategories.SuspectedInjection);
    }
}
