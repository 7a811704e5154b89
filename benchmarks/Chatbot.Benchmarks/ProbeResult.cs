using Chatbot.Benchmarks.Tracing;

namespace Chatbot.Benchmarks;

public sealed class ProbeResult
{
    public Stats Post { get; } = new();
    public Stats TtftSystem { get; } = new();
    public Stats TtftDirect { get; } = new();
    public Stats List { get; } = new();
    public List<TracedTurn> Traced { get; } = [];
}
