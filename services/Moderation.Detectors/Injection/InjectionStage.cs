using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>Prompt injection and jailbreak stage: rules plus the trained classifier.</summary>
public sealed class InjectionStage(InjectionClassifier classifier) : IInputDetector
{
    public string Stage => ModerationCategories.PromptInjection;

    public IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy)
    {
        var finding = new InjectionDetector(classifier, policy.InjectionThreshold).Detect(text);
        return [finding];
    }
}
