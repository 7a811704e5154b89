using Chatbot.Load.Tracing;

namespace Chatbot.Load.Overhead;

public sealed class OpenAiProbeResult
{
    public Samples StreamSystem { get; } = new();
    public Samples StreamDirect { get; } = new();
    public Samples CompleteSystem { get; } = new();
    public Samples CompleteDirect { get; } = new();
    /// <summary>The streamed request through a Portkey gateway to the same simulator (<c>--portkey</c>).</summary>
    public Samples StreamPortkey { get; } = new();

    /// <summary>The streamed /v1 turns sent with a trace id (<c>--trace</c>).</summary>
    public List<TracedTurn> Traced { get; } = [];
}
