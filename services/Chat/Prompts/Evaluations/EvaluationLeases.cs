using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// Which chat instance holds which evaluation (queued or running), so one that stopped with it is not left
/// <c>running</c> forever: every evaluation is in the set <c>chatbot:evaluations:held</c> (<c>{tenant:N}:{id:N}</c>) and
/// has a lease key that its instance renews (<see cref="EvaluationOptions.LeaseLifetime"/>); <see cref="EvaluationRecovery"/>
/// marks an evaluation whose lease expired as failed.
/// </summary>
public sealed class EvaluationLeases(IConnectionMultiplexer redis, IOptions<EvaluationOptions> options)
{
    public const string SetKey = "chatbot:evaluations:held";
    private readonly ConcurrentDictionary<Guid, Guid> held = new();

    public static string LeaseKey(Guid evaluationId) => $"chatbot:evaluations:{evaluationId:N}:lease";

    private static string Member(Guid tenantId, Guid evaluationId) => $"{tenantId:N}:{evaluationId:N}";

    public async Task ClaimAsync(Guid tenantId, Guid evaluationId)
    {
        held[evaluationId] = tenantId;
        var db = redis.GetDatabase();
        await Task.WhenAll(db.StringSetAsync(LeaseKey(evaluationId), "held", options.Value.LeaseLifetime),
            db.SetAddAsync(SetKey, Member(tenantId, evaluationId)));
    }

    public async Task ReleaseAsync(Guid tenantId, Guid evaluationId)
    {
        held.TryRemove(evaluationId, out _);
        var db = redis.GetDatabase();
        await Task.WhenAll(db.KeyDeleteAsync(LeaseKey(evaluationId)), db.SetRemoveAsync(SetKey, Member(tenantId, evaluationId)));
    }

    /// <summary>Extends the leases of the evaluations this instance holds.</summary>
    public Task RenewAsync()
    {
        var db = redis.GetDatabase();
        return Task.WhenAll(held.Keys.Select(id => db.KeyExpireAsync(LeaseKey(id), options.Value.LeaseLifetime)));
    }

    /// <summary>Evaluations in the set that no instance holds any more (lease expired), with their tenants.</summary>
    public async Task<List<(Guid TenantId, Guid EvaluationId)>> OrphansAsync()
    {
        var db = redis.GetDatabase();
        var orphans = new List<(Guid, Guid)>();
        foreach (var member in await db.SetMembersAsync(SetKey))
        {
            var parts = member.ToString().Split(':');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var tenantId) && Guid.TryParse(parts[1], out var id)
                && !held.ContainsKey(id) && !await db.KeyExistsAsync(LeaseKey(id)))
            {
                orphans.Add((tenantId, id));
            }
        }
        return orphans;
    }
}
