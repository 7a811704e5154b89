using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// Reads and changes prompt experiments. A tenant sees its own and the global ones; the global ones are written only in a
/// transaction that sets <c>app.purge = 'global_prompts'</c> (row-level security), which the handlers open for platform admins.
/// </summary>
public sealed class ExperimentStore(ChatDbContext db, AdminAudit audit)
{
    public const string GlobalScope = "global_prompts";
    public const int ListLimit = 100;

    public Task<List<PromptExperiment>> ListAsync(Guid tenantId, CancellationToken ct) =>
        db.PromptExperiments.AsNoTracking().Where(e => e.TenantId == tenantId || e.TenantId == null)
            .OrderByDescending(e => e.CreatedAt).Take(ListLimit).ToListAsync(ct);

    public Task<PromptExperiment?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        db.PromptExperiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && (e.TenantId == tenantId || e.TenantId == null), ct);

    /// <summary>The versions of <paramref name="versions"/> that do not exist in the scope (null = the global default's).</summary>
    public async Task<List<int>> MissingVersionsAsync(Guid? scope, IEnumerable<int> versions, CancellationToken ct)
    {
        var wanted = versions.Distinct().ToList();
        var found = await db.PromptVersions.Where(p => p.TenantId == scope && wanted.Contains(p.Version)).Select(p => p.Version).ToListAsync(ct);
        return [.. wanted.Except(found)];
    }

    /// <summary>Stores a running experiment; null when the scope already runs one (409).</summary>
    public async Task<PromptExperiment?> CreateAsync(Guid? scope, Guid createdBy, string name, List<ExperimentVariant> variants,
        DateTimeOffset now, CancellationToken ct)
    {
        var experiment = new PromptExperiment
        {
            Id = Guid.CreateVersion7(now), TenantId = scope, Name = name.Trim(), Status = ExperimentStatuses.Running,
            Variants = variants, CreatedBy = createdBy, CreatedAt = now, UpdatedAt = now,
        };
        await using var transaction = await BeginAsync(scope, ct);
        if (await db.PromptExperiments.AnyAsync(e => e.TenantId == scope && e.Status == ExperimentStatuses.Running, ct))
        {
            return null;
        }
        db.PromptExperiments.Add(experiment);
        audit.Record(createdBy, scope ?? AdminAudit.Platform, "chat.experiment.created", $"experiments/{experiment.Id}", null, AuditView(experiment));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return null; // a concurrent create won (ix_prompt_experiments_one_running)
        }
        await transaction.CommitAsync(ct);
        return experiment;
    }

    /// <summary>Replaces the weights or stops the experiment; the change is visible to every replica's next turn.</summary>
    public async Task SaveAsync(PromptExperiment experiment, Guid actorId, object before, CancellationToken ct)
    {
        await using var transaction = await BeginAsync(experiment.TenantId, ct);
        await db.PromptExperiments.Where(e => e.Id == experiment.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, experiment.Status)
            .SetProperty(e => e.Variants, experiment.Variants)
            .SetProperty(e => e.UpdatedAt, experiment.UpdatedAt)
            .SetProperty(e => e.StoppedAt, experiment.StoppedAt), ct);
        audit.Record(actorId, experiment.TenantId ?? AdminAudit.Platform,
            experiment.Status == ExperimentStatuses.Stopped ? "chat.experiment.stopped" : "chat.experiment.updated",
            $"experiments/{experiment.Id}", before, AuditView(experiment));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>What the admin audit log keeps of an experiment: its name, status and variants (versions, aliases, weights).</summary>
    public static object AuditView(PromptExperiment e) => new { e.Name, e.Status, e.Variants };

    private Task<IDbContextTransaction> BeginAsync(Guid? scope, CancellationToken ct) =>
        scope is null ? db.BeginCrossTenantScopeAsync(GlobalScope, ct) : db.Database.BeginTransactionAsync(ct);
}
