namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// The injection detector's view of one message: <paramref name="Score"/> (0..1), the rule or check that decided it
/// (<paramref name="Kind"/>: a blocking rule, a review rule, or <c>classifier</c>), whether a blocking rule with a precise
/// intent matched (<paramref name="Confident"/>) and whether a review rule matched (<paramref name="Suspicious"/>).
/// </summary>
public sealed record InjectionScore(double Score, string Kind, bool Confident, bool Suspicious)
{
    /// <summary>
    /// The findings for the policy's two cut-offs: a confident rule or a score at or above <paramref name="blockThreshold"/>
    /// (below 1; at 1 the classifier alone never blocks) is <see cref="ModerationCategories.PromptInjection"/> (blocked by default); a review rule or a score at or above
    /// <paramref name="reviewThreshold"/> is <see cref="ModerationCategories.SuspectedInjection"/> (the grey zone, flagged
    /// for review by default). The prompt_injection score is always reported.
    /// </summary>
    public IEnumerable<Finding> Findings(double reviewThreshold, double blockThreshold)
    {
        if (Confident || (blockThreshold < 1 && Score >= blockThreshold))
        {
            yield return new Finding(ModerationCategories.PromptInjection, Kind, Confident ? 1.0 : Score);
            yield break;
        }
        yield return new Finding(ModerationCategories.PromptInjection, "none", Score);
        if (Suspicious || Score >= reviewThreshold)
        {
            yield return new Finding(ModerationCategories.SuspectedInjection, Kind, Math.Max(Score, Suspicious ? reviewThreshold : 0));
        }
    }

    /// <summary>Flagged at all (grey zone or block) under these cut-offs.</summary>
    public bool FlaggedAt(double reviewThreshold) => Confident || Suspicious || Score >= reviewThreshold;
}
