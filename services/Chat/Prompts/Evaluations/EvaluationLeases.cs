using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// Which chat instance holds which evaluation (queued or running), so one whose instance stopped is resumed by another:
/// every accepted evaluation's job is in the hash <c>chatbot:evaluations:jobs</c> (field <c>{id:N}</c>) until it
/// finishes, and has a lease key that its instance renews (<see cref="EvaluationOptions.LeaseLifetime"/>).
/// <see cref="EvaluationRecovery"/> takes over a job whose lease expired (one instance wins the lease with SET NX).
/// </summary>
public sealed class EvaluationLeases(IConnectionMultiplexer redis, IOptions<EvaluationOptions> options)
{
    public const string JobsKey = "chatbot:evaluations:jobs";
    private readonly ConcurrentDictionary<Guid, Guid> held = new();

    public static string LeaseKey(Guid evaluationId) => $"chatbot:evaluations:{evaluationId:N}:lease";

    public static string Field(Guid evaluationId) => evaluationId.ToString("N");

    public static string Serialize(EvaluationJob job) => JsonSerializer.Serialize(job, JsonSerializerOptions.Web);

    /// <summary>Records an accepted job and holds its lease.</summary>
    public async Task ClaimAsync(EvaluationJob job)
    {
        held[job.EvaluationId] = job.TenantId;
        var db = redis.GetDatabase();
        await Task.WhenAll(db.StringSetAsync(LeaseKey(job.EvaluationId), "held", options.Value.LeaseLifetime),
            db.HashSetAsync(JobsKey, Field(job.EvaluationId), Serialize(job)));
    }

    /// <summary>Takes over an orphaned job if no other instance did first; records its next attempt when it wins.</summary>
    public async Task<bool> TryTakeOverAsync(EvaluationJob next)
    {
        var db = redis.GetDatabase();
        if (!await db.StringSetAsync(LeaseKey(next.EvaluationId), "held", options.Value.LeaseLifetime, When.NotExists))
        {
            return false;
        }
        held[next.EvaluationId] = next.TenantId;
        await db.HashSetAsync(JobsKey, Field(next.EvaluationId), Serialize(next));
        return true;
    }

    /// <summary>Drops this instance's lease but keeps the job, so another sweep resumes it.</summary>
    public async Task LetGoAsync(Guid evaluationId)
    {
        held.TryRemove(evaluationId, out _);
        await redis.GetDatabase().KeyDeleteAsync(LeaseKey(evaluationId));
    }

    /// <summary>The job is finished (or failed for good): forgets it.</summary>
    public async Task ReleaseAsync(Guid evaluationId)
    {
        held.TryRemove(evaluationId, out _);
        var db = redis.GetDatabase();
        await Task.WhenAll(db.KeyDeleteAsync(LeaseKey(evaluationId)), db.HashDeleteAsync(JobsKey, Field(evaluationId)));
    }

    /// <summary>Extends the leases of the evaluations this instance holds.</summary>
    public Task RenewAsync()
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(held.Keys.Select(id => db.KeyExpireAsync(LeaseKey(id), options.Value.LeaseLifetime)));
    }

    /// <summary>Jobs that no instance holds any more (lease expired); an unreadable entry is dropped.</summary>
    public async Task<List<EvaluationJob>> OrphansAsync()
    {
        var db = redis.GetDatabase();
        var orphans = new List<EvaluationJob>();
        foreach (var entry in await db.HashGetAllAsync(JobsKey))
        {
            if (Read(entry.Value) is not { } job)
            {
                await db.HashDeleteAsync(JobsKey, entry.Name);
                continue;
            }
            if (!held.ContainsKey(job.EvaluationId) && !await db.KeyExistsAsync(LeaseKey(job.EvaluationId)))
            {
                orphans.Add(job);
            }
        }
        return orphans;
    }

    private static EvaluationJob? Read(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<EvaluationJob>(value.ToString(), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
