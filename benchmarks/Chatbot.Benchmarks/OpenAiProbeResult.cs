namespace Chatbot.Benchmarks;

public sealed class OpenAiProbeResult
{
    public Stats StreamSystem { get; } = new();
    public Stats StreamDirect { get; } = new();
    public Stats CompleteSystem { get; } = new();
    public Stats CompleteDirect { get; } = new();
}
