using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors;

/// <summary>
/// A stage that calls out (e.g. a provider's moderation API). It runs after the in-process stages and receives the text
/// with every PII and secret already masked, so no raw value leaves the service. <see cref="Timeout"/> bounds the call;
/// <see cref="FailMode"/> applies when it fails, unless the tenant policy names a fail mode for <see cref="Stage"/>.
/// </summary>
public interface IAsyncInputDetector
{
    string Stage { get; }

    TimeSpan Timeout { get; }

    FailMode FailMode { get; }

    /// <summary>Every input, or only the grey zone (a second opinion); see <see cref="RemoteStageScope"/>.</summary>
    RemoteStageScope Scope => RemoteStageScope.Always;

    Task<IReadOnlyList<Finding>> DetectAsync(string maskedText, ModerationPolicy policy, CancellationToken cancellationToken);
}
