using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// GET /api/prompts/experiments/{id}/results from the stored replies (index on messages.experiment_id) and their feedback.
/// A tenant admin sees its tenant's replies; a platform admin sees a global experiment's replies of every tenant
/// (a transaction that sets <c>app.purge = 'experiment_results'</c>, which only the read policies for it honour).
/// </summary>
public static class ExperimentResultsQuery
{
    public const string CrossTenantScopeName = "experiment_results";

    public static async Task<Results<Ok<ExperimentResultsDto>, NotFound>> GetAsync(Guid id, CurrentUser user, ExperimentStore store,
        ChatDbContext db, CancellationToken ct)
    {
        if (await store.GetAsync(user.TenantId, id, ct) is not { } experiment)
        {
            return TypedResults.NotFound();
        }
        await using var transaction = experiment.TenantId is null && user.Roles.Contains(ChatbotRoles.PlatformAdmin)
            ? await db.BeginCrossTenantScopeAsync(CrossTenantScopeName, ct)
            : await db.Database.BeginTransactionAsync(ct);
        var replies = db.Messages.Where(m => m.ExperimentId == id && m.Role == MessageRoles.Assistant);
        var turns = await replies.GroupBy(m => m.Variant).Select(g => new
        {
            Variant = g.Key,
            Turns = g.Count(),
            Blocks = g.Count(m => m.Status == MessageStatuses.Blocked),
            Input = g.Sum(m => (long)(m.InputTokens ?? 0)),
            Output = g.Sum(m => (long)(m.OutputTokens ?? 0)),
            Cost = g.Sum(m => m.Cost ?? 0m),
            Latency = g.Average(m => (double?)m.LatencyMs),
            Ttft = g.Average(m => (double?)m.TimeToFirstTokenMs),
        }).ToListAsync(ct);
        var feedback = await db.ReplyFeedback.Join(replies, f => f.ReplyId, m => m.Id, (f, m) => new { m.Variant, f.Rating })
            .GroupBy(x => x.Variant)
            .Select(g => new { Variant = g.Key, Count = g.Count(), Up = g.Count(x => x.Rating == ReplyFeedbackLimits.Up) })
            .ToListAsync(ct);
        await transaction.CommitAsync(ct);

        var baseline = experiment.Variants[0];
        var baseFeedback = feedback.FirstOrDefault(f => f.Variant == baseline.Name);
        var results = experiment.Variants.Select(v =>
        {
            var t = turns.FirstOrDefault(x => x.Variant == v.Name);
            var f = feedback.FirstOrDefault(x => x.Variant == v.Name);
            var (count, up, replyCount) = (f?.Count ?? 0, f?.Up ?? 0, t?.Turns ?? 0);
            var difference = v == baseline
                ? null
                : ProportionInterval.Difference(baseFeedback?.Up ?? 0, baseFeedback?.Count ?? 0, up, count) is var (d, lower, upper)
                    ? new ScoreDifferenceDto(baseline.Name, d, lower, upper)
                    : null;
            return new VariantResultDto(v.Name, v.PromptVersion, v.Model, v.Weight, replyCount, count, up,
                replyCount == 0 ? null : (double)count / replyCount, count == 0 ? null : (double)up / count, t?.Blocks ?? 0,
                t?.Input ?? 0, t?.Output ?? 0, t?.Cost ?? 0m, t?.Latency, t?.Ttft, difference);
        }).ToList();
        return TypedResults.Ok(new ExperimentResultsDto(experiment.Id, experiment.Name, experiment.Status, results));
    }
}
