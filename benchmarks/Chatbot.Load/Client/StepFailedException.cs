namespace Chatbot.Load.Client;

/// <summary>A step that got an answer, but the wrong one (an unexpected status, an SSE <c>error</c> event, a missing field).</summary>
public sealed class StepFailedException(string kind) : Exception(kind)
{
    public string Kind { get; } = kind;
}
