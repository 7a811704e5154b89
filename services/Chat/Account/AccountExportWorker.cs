using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Account;

/// <summary>
/// Runs export jobs one at a time from <see cref="AccountExportQueue"/>, off every request path. A job is claimed with a
/// conditional update (queued → running), so a job that is both in a queue and found by the sweep, or seen by two
/// replicas, runs once. The sweep (every <see cref="AccountExportOptions.SweepInterval"/>) queues jobs waiting longer
/// than <see cref="AccountExportOptions.SweepAfter"/>: those a full queue left behind, those of a stopped instance.
/// </summary>
public sealed partial class AccountExportWorker(
    IServiceScopeFactory scopes, AccountExportQueue queue, IOptions<AccountExportOptions> options, TimeProvider clock,
    ILogger<AccountExportWorker> logger)
    : BackgroundService
{
    public const string SweepScope = "account_exports";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RunJobsAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task RunJobsAsync(CancellationToken ct)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(ct))
        {
            try
            {
                await RunAsync(job, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogJobFailed(ex, job.Id);
            }
        }
    }

    /// <summary>Claims and runs one job; false when another run has it or it is finished.</summary>
    public async Task<bool> RunAsync(AccountExportJob job, CancellationToken ct)
    {
        using var tenant = TenantContext.Enter(job.TenantId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var now = clock.GetUtcNow();
        var stale = now - options.Value.SweepAfter;
        var claimed = await db.AccountExports
            .Where(e => e.Id == job.Id && e.TenantId == job.TenantId
                && (e.Status == AccountExportStatuses.Queued || (e.Status == AccountExportStatuses.Running && e.StartedAt < stale)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, AccountExportStatuses.Running).SetProperty(e => e.StartedAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }
        string? content = null;
        string? failure = null;
        try
        {
            content = await scope.ServiceProvider.GetRequiredService<AccountExportWriter>().WriteAsync(job, ct);
        }
        catch (Exception ex) when (ex is AccountPartUnavailableException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogPartUnavailable(ex, job.Id);
            failure = "A service holding part of your data did not answer; ask for a new export later.";
        }
        await db.AccountExports.Where(e => e.Id == job.Id && e.TenantId == job.TenantId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, failure is null ? AccountExportStatuses.Completed : AccountExportStatuses.Failed)
                .SetProperty(e => e.Content, content)
                .SetProperty(e => e.FailureReason, failure)
                .SetProperty(e => e.CompletedAt, clock.GetUtcNow()), CancellationToken.None);
        LogJobFinished(job.Id, failure is null);
        return true;
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                foreach (var job in await FindWaitingAsync(ct))
                {
                    queue.TryEnqueue(job);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
    }

    /// <summary>Open jobs of every tenant older than the sweep threshold (the partial created_at index), oldest first.</summary>
    public async Task<List<AccountExportJob>> FindWaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var before = clock.GetUtcNow() - options.Value.SweepAfter;
        await using var transaction = await db.BeginCrossTenantScopeAsync(SweepScope, ct);
        var jobs = await db.AccountExports.AsNoTracking()
            .Where(e => (e.Status == AccountExportStatuses.Queued || e.Status == AccountExportStatuses.Running) && e.CreatedAt < before)
            .OrderBy(e => e.CreatedAt).Take(options.Value.QueueCapacity)
            .Select(e => new AccountExportJob(e.Id, e.TenantId, e.UserId))
            .ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return jobs;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account export {ExportId} finished (succeeded: {Succeeded})")]
    private partial void LogJobFinished(Guid exportId, bool succeeded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account export {ExportId}: another service's part is unavailable")]
    private partial void LogPartUnavailable(Exception ex, Guid exportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Account export {ExportId} failed")]
    private partial void LogJobFailed(Exception ex, Guid exportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping waiting account exports failed")]
    private partial void LogSweepFailed(Exception ex);
}
