using Chatbot.Benchmarks.Tracing;

namespace Chatbot.Benchmarks;

public sealed class OpenAiProbeResult
{
    public Stats StreamSystem { get; } = new();
    public Stats StreamDirect { get; } = new();
    public Stats CompleteSystem { get; } = new();
    public Stats CompleteDirect { get; } = new();

    /// <summary>The streamed /v1 turns sent with a trace id (<c>--trace</c>).</summary>
    public List<TracedTurn> Traced { get; } = [];
}
