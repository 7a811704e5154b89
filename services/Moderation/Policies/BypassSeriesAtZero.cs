using Chatbot.Moderation.Detectors.Telemetry;

namespace Chatbot.Moderation.Policies;

/// <summary>At start-up, exports every stage's bypass series at 0, so the bypass alerts and dashboard read 0, not nothing.</summary>
public sealed class BypassSeriesAtZero(ModerationMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ExportZeros(TenantPolicyMapper.Stages);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
