namespace Chatbot.InferenceWorker.Simulator;

/// <summary>
/// What one simulated request will do: its tokens, pace, reported usage and any injected fault.
/// <see cref="FaultAfterTokens"/>: a 429/500 given with <c>after=N</c> comes after N tokens (mid-stream), not before the first.
/// </summary>
public sealed record SimulationPlan(
    IReadOnlyList<string> Tokens,
    TimeSpan FirstTokenLatency,
    TimeSpan TokenInterval,
    SimulatorFault Fault,
    TimeSpan RetryAfter,
    int DisconnectAfterTokens,
    int InputTokens,
    int? FaultAfterTokens = null)
{
    public string Text => string.Concat(Tokens);
    public int OutputTokens => Tokens.Count;
}
