using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts.Experiments;

public sealed record ExperimentDto(Guid Id, string Name, bool Global, string Status, IReadOnlyList<ExperimentVariant> Variants,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? StoppedAt)
{
    public static ExperimentDto From(PromptExperiment e) =>
        new(e.Id, e.Name, e.TenantId is null, e.Status, e.Variants, e.CreatedAt, e.UpdatedAt, e.StoppedAt);
}
