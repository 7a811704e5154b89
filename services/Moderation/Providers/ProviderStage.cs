using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Policy;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.Providers;

/// <summary>What every provider stage takes from <see cref="ProviderModerationOptions"/>: its name, timeout, fail mode and scope.</summary>
public abstract class ProviderStage(IOptions<ProviderModerationOptions> options) : IAsyncInputDetector
{
    /// <summary>The current settings (the options are read on every call, so a reload applies).</summary>
    protected ProviderModerationOptions Settings => options.Value;

    public string Stage => ProviderModerationOptions.StageName;

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds);

    public FailMode FailMode => options.Value.FailMode;

    public RemoteStageScope Scope => options.Value.Scope;

    public abstract Task<IReadOnlyList<Finding>> DetectAsync(string maskedText, ModerationPolicy policy, CancellationToken cancellationToken);
}
