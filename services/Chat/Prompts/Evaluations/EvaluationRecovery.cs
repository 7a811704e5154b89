using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// At start-up and then every third of <see cref="EvaluationOptions.LeaseLifetime"/>: renews this instance's evaluation
/// leases and marks failed every evaluation whose instance stopped before finishing it (its lease expired), with a reason
/// that says to run it again, so none stays <c>running</c> forever (<see cref="EvaluationLeases"/>).
/// </summary>
public sealed partial class EvaluationRecovery(EvaluationLeases leases, IServiceScopeFactory scopes, IOptions<EvaluationOptions> options,
    TimeProvider clock, ILogger<EvaluationRecovery> logger) : BackgroundService
{
    public const string InterruptedReason = "Interrupted: the chat instance running this evaluation stopped before it finished. Run it again.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.RenewAsync();
                foreach (var (tenantId, evaluationId) in await leases.OrphansAsync())
                {
                    await MarkFailedAsync(tenantId, evaluationId, stoppingToken);
                    await leases.ReleaseAsync(tenantId, evaluationId);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or DbUpdateException or Npgsql.NpgsqlException)
            {
                LogSweepFailed(ex);
            }
            await Task.Delay(options.Value.LeaseLifetime / 3, clock, stoppingToken);
        }
    }

    private async Task MarkFailedAsync(Guid tenantId, Guid evaluationId, CancellationToken ct)
    {
        using var tenant = TenantContext.Enter(tenantId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var now = clock.GetUtcNow();
        var marked = await db.PromptEvaluations
            .Where(e => e.Id == evaluationId && e.TenantId == tenantId && e.Status == EvaluationStatuses.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatuses.Failed)
                .SetProperty(e => e.FailureReason, InterruptedReason).SetProperty(e => e.CompletedAt, now), ct);
        if (marked > 0)
        {
            LogInterrupted(evaluationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {EvaluationId} was interrupted (its instance stopped); marked failed")]
    private partial void LogInterrupted(Guid evaluationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The evaluation lease sweep failed; retrying")]
    private partial void LogSweepFailed(Exception ex);
}
