using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.Telemetry;

/// <summary>At start-up, exports the worker's closed metric series at 0 (<see cref="InferenceMetrics.ExportZeros"/>).</summary>
public sealed class MetricZeros(InferenceMetrics metrics, ProviderChain chain, ILogger<MetricZeros> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            metrics.ExportZeros(chain.Providers);
        }
        catch (InvalidOperationException e)
        {
            InferenceLog.MetricZerosFailed(logger, e.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
