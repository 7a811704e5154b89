namespace Chatbot.Moderation.Detectors.Policy;

/// <summary>What happens when a detection stage throws or overruns its timeout. Closed (the default) blocks the input.</summary>
public enum FailMode
{
    Closed,
    Open,
}
