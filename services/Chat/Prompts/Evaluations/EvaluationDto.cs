using System.Text.Json;
using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts.Evaluations;

public sealed record EvaluationDto(Guid Id, int PromptVersion, string Set, string Status, double? Score, List<CaseResult>? Cases,
    string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static EvaluationDto From(PromptEvaluation e) => new(e.Id, e.PromptVersion, e.SetName, e.Status, e.Score,
        e.Cases is null ? null : JsonSerializer.Deserialize<List<CaseResult>>(e.Cases, Json), e.FailureReason, e.CreatedAt, e.CompletedAt);
}
