using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors;

/// <summary>One stage of the input check. Returns every finding, flagged or not (scores feed category_scores).</summary>
public interface IInputDetector
{
    string Stage { get; }

    IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy);
}
