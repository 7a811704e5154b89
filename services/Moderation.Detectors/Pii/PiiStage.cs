using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>PII and secrets stage, on the clean text so that positions can be masked.</summary>
public sealed class PiiStage : IInputDetector
{
    public string Stage => ModerationCategories.Pii;

    public IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy) => PiiDetector.Detect(text.Clean, policy.PhoneRegions);
}
