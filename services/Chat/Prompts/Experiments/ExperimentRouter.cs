using Chatbot.Chat.Data;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.OpenAi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// Applies a running experiment to a turn: the tenant's own experiment always, the global one only while the global
/// default is the prompt in force. A variant on the active version costs nothing; another version is one indexed read.
/// </summary>
public sealed class ExperimentRouter(ChatDbContext db, IOptions<OpenAiOptions> models)
{
    public async Task<ExperimentChoice> ChooseAsync(PromptVersion active, PromptExperiment? experiment, Guid userId, CancellationToken ct)
    {
        if (experiment is null || (experiment.TenantId is null && active.TenantId is not null) || experiment.Variants.Count == 0)
        {
            return new ExperimentChoice(active);
        }
        var variant = ExperimentAssignment.Pick(experiment.Id, experiment.Variants, userId);
        var prompt = active.TenantId == experiment.TenantId && active.Version == variant.PromptVersion
            ? active
            : await db.PromptVersions.AsNoTracking()
                .FirstOrDefaultAsync(p => p.TenantId == experiment.TenantId && p.Version == variant.PromptVersion, ct);
        if (prompt is null)
        {
            return new ExperimentChoice(active); // versions are never deleted; a missing one leaves the active prompt in force
        }
        var provider = variant.Model is { } alias ? models.Value.Models.FirstOrDefault(m => m.Id == alias)?.Provider : null;
        return new ExperimentChoice(prompt, experiment.Id, variant.Name, provider);
    }
}
