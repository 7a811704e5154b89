using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>Prompt injection and jailbreak stage: rules plus the trained classifier, cut by the tenant's two thresholds.</summary>
public sealed class InjectionStage(InjectionClassifier classifier) : IInputDetector
{
    private readonly InjectionDetector detector = new(classifier);

    public string Stage => ModerationCategories.PromptInjection;

    public IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy) =>
        detector.Score(text).Findings(policy.InjectionReviewThreshold, policy.InjectionThreshold);
}
