namespace Chatbot.Simulator;

/// <summary>
/// What one simulated request will do: its tokens, pace, reported usage and any injected fault.
/// <see cref="FaultAfterTokens"/>: a 429/500 given with <c>after=N</c> comes after N tokens (mid-stream), not before the first.
/// <see cref="ArrivedAt"/>: when the request arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); the first
/// token is due <see cref="FirstTokenLatency"/> after it, so the simulator's own work (counting the prompt, as a provider
/// does for its usage) is inside the latency, as a provider's prefill is inside its time to first token.
/// <see cref="ReachedMaxTokens"/>: the reply ends because it reached the request's max tokens (OpenAI's <c>length</c>).
/// <see cref="ToolCall"/>: the answer is a call of that tool (no tokens), from a <c>tool=</c> directive.
/// </summary>
public sealed record SimulationPlan(
    IReadOnlyList<string> Tokens,
    TimeSpan FirstTokenLatency,
    TimeSpan TokenInterval,
    SimulatorFault Fault,
    TimeSpan RetryAfter,
    int DisconnectAfterTokens,
    int InputTokens,
    long ArrivedAt,
    int? FaultAfterTokens = null,
    bool ReachedMaxTokens = false,
    SimulatedToolCall? ToolCall = null)
{
    public string Text => string.Concat(Tokens);
    public int OutputTokens => Tokens.Count;
}
