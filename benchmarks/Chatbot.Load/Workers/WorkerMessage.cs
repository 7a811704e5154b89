using Chatbot.Load.Metrics;

namespace Chatbot.Load.Workers;

/// <summary>A line a worker writes on stdout (JSON): progress while it runs (streams open, receiving tokens, and
/// failed to open), then its steps once stopped.</summary>
public sealed record WorkerMessage(int Open, int Streaming, int Failed = 0, IReadOnlyList<StepSnapshot>? Steps = null);
