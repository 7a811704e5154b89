namespace Chatbot.Moderation.Detectors;

/// <summary>When a remote stage (<see cref="IAsyncInputDetector"/>) is called.</summary>
public enum RemoteStageScope
{
    /// <summary>For every input the in-process stages do not already block.</summary>
    Always,

    /// <summary>Only as a second opinion in the grey zone (<see cref="GreyZone.IsGreyZone"/>), so its latency is paid only there.</summary>
    GreyZone,
}
