using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Prompts.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Prompts;

/// <summary>
/// The evaluation gate (docs/experiments.md): a tenant's version is activated, or given more than
/// <see cref="EvaluationOptions.UngatedWeight"/> % of an experiment, only if its latest completed evaluation reaches the
/// tenant's threshold and is not more than its margin below the active version's (<see cref="EvaluationSettingsApi"/>: the
/// tenant's own values, else the deployment's). It applies per <see cref="EvaluationOptions.Gate"/>;
/// the global default's versions (platform scope) are not gated. A refusal is a 409 naming the score and the threshold.
/// </summary>
public sealed class PromptGate(ChatDbContext db, IOptions<EvaluationOptions> options)
{
    public async Task<ProblemHttpResult?> CheckActivationAsync(Guid tenantId, int version, CancellationToken ct) =>
        await AppliesAsync(tenantId, ct) ? await CheckVersionAsync(tenantId, version, ct) : null;

    public async Task<ProblemHttpResult?> CheckWeightsAsync(Guid tenantId, Guid? scope, IReadOnlyList<ExperimentVariant> variants,
        CancellationToken ct)
    {
        if (scope is null || !await AppliesAsync(tenantId, ct))
        {
            return null;
        }
        var active = await db.PromptVersions.Where(p => p.TenantId == tenantId && p.IsActive).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
        foreach (var variant in variants.Where(v => v.Weight > options.Value.UngatedWeight && v.PromptVersion != active))
        {
            if (await CheckVersionAsync(tenantId, variant.PromptVersion, ct) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }

    /// <summary>A new version activated at creation has no evaluation yet: refused wherever the gate applies.</summary>
    public async Task<ProblemHttpResult?> CheckNewActiveVersionAsync(Guid tenantId, CancellationToken ct) =>
        await AppliesAsync(tenantId, ct)
            ? Refuse("A new prompt version cannot be activated before it is evaluated.",
                $"Create it with \"activate\": false, run POST /api/prompts/{{version}}/evaluations, then activate it; the threshold is {(await SettingsAsync(tenantId, ct)).Threshold} %.",
                null, null)
            : null;

    /// <summary>The tenant's threshold and margin: its own where it set them, else the deployment's.</summary>
    private async Task<(double Threshold, double Margin)> SettingsAsync(Guid tenantId, CancellationToken ct)
    {
        var own = await EvaluationSettingsApi.FindAsync(db, tenantId, ct);
        return (own?.Threshold ?? options.Value.Threshold, own?.Margin ?? options.Value.Margin);
    }

    private async Task<bool> AppliesAsync(Guid tenantId, CancellationToken ct) => options.Value.Gate switch
    {
        EvaluationGateMode.Off => false,
        EvaluationGateMode.Always => true,
        _ => await db.PromptEvaluations.AnyAsync(e => e.TenantId == tenantId && e.Status == EvaluationStatuses.Completed, ct),
    };

    private async Task<ProblemHttpResult?> CheckVersionAsync(Guid tenantId, int version, CancellationToken ct)
    {
        var o = await SettingsAsync(tenantId, ct);
        var score = await LatestScoreAsync(tenantId, version, ct);
        if (score is null)
        {
            return Refuse($"Prompt version {version} has no completed evaluation.",
                $"Run POST /api/prompts/{version}/evaluations first; the threshold is {o.Threshold} %.", null, o.Threshold);
        }
        if (score < o.Threshold)
        {
            return Refuse($"Prompt version {version} scored {score} %, below the threshold of {o.Threshold} %.",
                $"Its latest evaluation scored {score} %; the tenant's threshold is {o.Threshold} %.", score, o.Threshold);
        }
        var active = await db.PromptVersions.Where(p => p.TenantId == tenantId && p.IsActive && p.Version != version)
            .Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
        if (active is { } current && await LatestScoreAsync(tenantId, current, ct) is { } activeScore && activeScore - score > o.Margin)
        {
            return Refuse($"Prompt version {version} scored {score} %, more than {o.Margin} points below the active version's {activeScore} %.",
                $"The threshold is {o.Threshold} % and a candidate may score at most {o.Margin} points below active version {current}.",
                score, o.Threshold);
        }
        return null;
    }

    private Task<double?> LatestScoreAsync(Guid tenantId, int version, CancellationToken ct) =>
        db.PromptEvaluations.Where(e => e.TenantId == tenantId && e.PromptVersion == version && e.Status == EvaluationStatuses.Completed)
            .OrderByDescending(e => e.CreatedAt).Select(e => e.Score).FirstOrDefaultAsync(ct);

    private static ProblemHttpResult Refuse(string title, string detail, double? score, double? threshold) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["score"] = score, ["threshold"] = threshold });
}
