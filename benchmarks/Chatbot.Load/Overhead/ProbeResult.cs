using Chatbot.Load.Tracing;

namespace Chatbot.Load.Overhead;

public sealed class ProbeResult
{
    public Samples Post { get; } = new();
    public Samples TtftSystem { get; } = new();
    public Samples TtftDirect { get; } = new();
    public Samples List { get; } = new();
    public List<TracedTurn> Traced { get; } = [];
}
