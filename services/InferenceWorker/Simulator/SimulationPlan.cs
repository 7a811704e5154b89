namespace Chatbot.InferenceWorker.Simulator;

/// <summary>What one simulated request will do: its tokens, pace, reported usage and any injected fault.</summary>
public sealed record SimulationPlan(
    IReadOnlyList<string> Tokens,
    TimeSpan FirstTokenLatency,
    TimeSpan TokenInterval,
    SimulatorFault Fault,
    TimeSpan RetryAfter,
    int DisconnectAfterTokens,
    int InputTokens)
{
    public string Text => string.Concat(Tokens);
    public int OutputTokens => Tokens.Count;
}
