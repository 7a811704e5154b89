using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Faults;

/// <summary>A stage that throws (see <see cref="FaultInjectionOptions"/>): drills fail-closed and the bypass metric.</summary>
public sealed class FaultyStage(IInputDetector inner, string? whenInputContains) : IInputDetector
{
    public string Stage => inner.Stage;

    public IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy)
    {
        if (whenInputContains is null || text.Clean.Contains(whenInputContains, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Injected fault in stage {Stage}.");
        }
        return inner.Detect(text, policy);
    }
}
