using Microsoft.SemanticKernel;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// One reply's tools: the <see cref="Kernel"/> that offers them to the model (its auto-invocation filter is the reply's
/// <see cref="ToolCallFilter"/>), and the hook that pauses the provider chain's token watchdog while a tool runs or waits
/// for a human, so a slow tool or a long approval is not taken for a stalled provider.
/// </summary>
public sealed class ToolSession(Kernel kernel)
{
    private Action<bool>? watchdog;

    public Kernel Kernel => kernel;

    /// <summary>Tool calls that reached their endpoint in this reply: after one, the provider attempt is not repeated.</summary>
    public int CallsMade { get; internal set; }

    /// <summary>Set by the provider chain for the attempt in progress: false pauses its watchdog, true restarts it.</summary>
    public void BindWatchdog(Action<bool>? onToolRunning) => watchdog = onToolRunning;

    public Paused PauseWatchdog()
    {
        watchdog?.Invoke(false);
        return new Paused(watchdog);
    }

    public readonly struct Paused(Action<bool>? watchdog) : IDisposable
    {
        public void Dispose() => watchdog?.Invoke(true);
    }
}
