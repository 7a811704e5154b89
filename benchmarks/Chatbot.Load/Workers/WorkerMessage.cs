using Chatbot.Load.Metrics;

namespace Chatbot.Load.Workers;

/// <summary>A line a worker writes on stdout (JSON): progress while it runs, then its steps once stopped.</summary>
public sealed record WorkerMessage(int Open, int Streaming, IReadOnlyList<StepSnapshot>? Steps = null);
