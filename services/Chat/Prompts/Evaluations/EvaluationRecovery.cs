using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// At start-up and then every third of <see cref="EvaluationOptions.LeaseLifetime"/>: renews this instance's evaluation
/// leases and resumes every evaluation whose instance stopped before finishing it (its lease expired), from its first
/// question, so an accepted evaluation is not lost; one interrupted <see cref="EvaluationOptions.MaxAttempts"/> times is
/// marked failed with a reason that says so (<see cref="EvaluationLeases"/>).
/// </summary>
public sealed partial class EvaluationRecovery(EvaluationLeases leases, EvaluationQueue queue, IServiceScopeFactory scopes,
    IOptions<EvaluationOptions> options, TimeProvider clock, ILogger<EvaluationRecovery> logger) : BackgroundService
{
    public const string InterruptedReason = "Interrupted: the chat instances running this evaluation stopped before it finished, too many times. Run it again.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.RenewAsync();
                foreach (var job in await leases.OrphansAsync())
                {
                    await RecoverAsync(job, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or DbUpdateException or Npgsql.NpgsqlException)
            {
                LogSweepFailed(ex);
            }
            await Task.Delay(options.Value.LeaseLifetime / 3, clock, stoppingToken);
        }
    }

    private async Task RecoverAsync(EvaluationJob job, CancellationToken ct)
    {
        var next = job with { Attempt = job.Attempt + 1 };
        if (!await leases.TryTakeOverAsync(next))
        {
            return; // another instance took it over first
        }
        using var tenant = TenantContext.Enter(job.TenantId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var running = db.PromptEvaluations.Where(e => e.Id == job.EvaluationId && e.TenantId == job.TenantId && e.Status == EvaluationStatuses.Running);
        if (!await running.AnyAsync(ct))
        {
            await leases.ReleaseAsync(job.EvaluationId); // finished (or deleted) before its instance let go of it
            return;
        }
        if (next.Attempt > options.Value.MaxAttempts)
        {
            var now = clock.GetUtcNow();
            await running.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatuses.Failed)
                .SetProperty(e => e.FailureReason, InterruptedReason).SetProperty(e => e.CompletedAt, now), ct);
            await leases.ReleaseAsync(job.EvaluationId);
            LogGaveUp(job.EvaluationId, job.Attempt);
            return;
        }
        if (queue.TryEnqueue(next))
        {
            LogResumed(job.EvaluationId, next.Attempt);
        }
        else
        {
            await leases.LetGoAsync(job.EvaluationId); // this instance's queue is full: a later sweep (here or elsewhere) resumes it
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {EvaluationId} was interrupted (its instance stopped); resumed, attempt {Attempt}")]
    private partial void LogResumed(Guid evaluationId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {EvaluationId} was interrupted {Attempts} times; marked failed")]
    private partial void LogGaveUp(Guid evaluationId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The evaluation lease sweep failed; retrying")]
    private partial void LogSweepFailed(Exception ex);
}
