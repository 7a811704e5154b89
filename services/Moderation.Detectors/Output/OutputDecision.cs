namespace Chatbot.Moderation.Detectors.Output;

/// <summary>What the output guard lets through now, or why it cut the stream (then nothing more may be sent).</summary>
public sealed record OutputDecision(string Release, string? Violation)
{
    public bool Blocked => Violation is not null;
}
