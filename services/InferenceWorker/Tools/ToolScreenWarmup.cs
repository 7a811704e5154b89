namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// Trains the injection classifier of <see cref="ToolResultScreen"/> in the background when the worker starts, so the
/// first tool result of a reply does not wait for it (start-up itself does not wait either).
/// </summary>
public sealed class ToolScreenWarmup(ToolResultScreen screen) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(screen.WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
