using System.Text.Json.Serialization;

namespace Chatbot.Moderation.Api;

/// <summary>One result of OpenAI's shape, with our categories next to the tenant's harmful-content ones.</summary>
public sealed record ModerationResult(
    bool Flagged,
    IReadOnlyDictionary<string, bool> Categories,
    [property: JsonPropertyName("category_scores")] IReadOnlyDictionary<string, double> CategoryScores);
