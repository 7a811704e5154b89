using Chatbot.Moderation.Detectors.Normalization;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// Rules first (a match scores 1.0 and names the rule), then the classifier on the folded text and on each decoded
/// payload; the score is the highest of them. Flagged when a rule matched or the classifier is confident enough.
/// </summary>
public sealed class InjectionDetector(InjectionClassifier classifier, double classifierThreshold = 0.85)
{
    /// <summary>The classifier looks at most at this many characters of each view (the rules see everything).</summary>
    private const int ClassifierWindow = 4000;

    public Finding Detect(NormalizedText text)
    {
        var best = 0.0;
        foreach (var view in text.DetectionViews())
        {
            if (InjectionRules.FirstMatch(view) is { } rule)
            {
                return new Finding(ModerationCategories.PromptInjection, rule, 1.0);
            }
            best = Math.Max(best, classifier.Score(view.Length > ClassifierWindow ? view[..ClassifierWindow] : view));
        }
        return new Finding(ModerationCategories.PromptInjection, best >= classifierThreshold ? "classifier" : "none", best);
    }

    public bool IsFlagged(Finding finding) => finding.Kind != "none";
}
