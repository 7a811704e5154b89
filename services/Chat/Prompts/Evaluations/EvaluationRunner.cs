using System.Text.Json;
using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Chatbot.Chat.Replies;
using Chatbot.Chat.Turns;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// Runs queued evaluations one at a time per chat instance, each for its tenant (row-level security), and stores the
/// score and per-case figures. An instance that stops mid-run leaves its row <c>running</c> until its lease expires; then
/// <see cref="EvaluationRecovery"/> on any instance runs it again from its first question.
/// </summary>
public sealed partial class EvaluationRunner(EvaluationQueue queue, IServiceScopeFactory scopes, IBus bus, ReplyStreamHub streams,
    ModerationRouting routing,
    EvaluationLeases leases, EvaluationSetCatalog sets, IOptions<EvaluationOptions> options, TimeProvider clock, ILogger<EvaluationRunner> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            using var tenant = TenantContext.Enter(job.TenantId);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            try
            {
                var (score, cases) = await RunAsync(db, job, stoppingToken);
                await FinishAsync(db, job.EvaluationId, EvaluationStatuses.Completed, score, JsonSerializer.Serialize(cases, Json), null);
                LogCompleted(job.EvaluationId, job.PromptVersion, score);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex, job.EvaluationId);
                await FinishAsync(db, job.EvaluationId, EvaluationStatuses.Failed, null, null, Truncate(ex.Message));
            }
            await leases.ReleaseAsync(job.EvaluationId);
        }
    }

    private async Task<(double, List<CaseResult>)> RunAsync(ChatDbContext db, EvaluationJob job, CancellationToken ct)
    {
        var prompt = await db.PromptVersions.AsNoTracking().FirstAsync(p => p.TenantId == job.TenantId && p.Version == job.PromptVersion, ct);
        var set = sets.Find(job.SetName) ?? throw new InvalidOperationException($"The evaluation set '{job.SetName}' is gone.");
        var o = options.Value;
        var caller = new EvaluationCaller(job.EvaluationId, job.TenantId, job.UserId, job.Tier, prompt.Version, Prompts.PromptReference.Of(prompt));
        using var model = new QueuedChatClient(bus, streams, routing, caller, o.MaxOutputTokens, o.AnswerTimeout, clock);
        using var judge = new QueuedChatClient(bus, streams, null, caller, o.MaxOutputTokens, o.AnswerTimeout, clock, o.JudgeProvider);
        return await PromptEvaluator.RunAsync(prompt, set, model, judge, ct);
    }

    private async Task FinishAsync(ChatDbContext db, Guid id, string status, double? score, string? cases, string? failure)
    {
        var now = clock.GetUtcNow();
        await db.PromptEvaluations.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status).SetProperty(e => e.Score, score).SetProperty(e => e.Cases, cases)
            .SetProperty(e => e.FailureReason, failure).SetProperty(e => e.CompletedAt, now));
    }

    private static string Truncate(string value) => value.Length <= 1000 ? value : value[..1000];

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {EvaluationId} of prompt version {Version} scored {Score} %")]
    private partial void LogCompleted(Guid evaluationId, int version, double score);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {EvaluationId} failed")]
    private partial void LogFailed(Exception exception, Guid evaluationId);
}
