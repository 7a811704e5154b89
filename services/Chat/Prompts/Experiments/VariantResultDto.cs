namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>
/// One variant's figures from its stored replies: turns, feedback count and rate (feedback / turns), score (thumbs up /
/// feedback), replies blocked by moderation, tokens, cost, mean latency and time to first token (ms), and for every
/// variant but the first the 95 % interval on its score minus the first variant's (<see cref="ScoreDifference"/>).
/// </summary>
public sealed record VariantResultDto(string Variant, int PromptVersion, string? Model, int Weight, int Turns, int Feedback,
    int ThumbsUp, double? FeedbackRate, double? Score, int ModerationBlocks, long InputTokens, long OutputTokens, decimal Cost,
    double? MeanLatencyMs, double? MeanTimeToFirstTokenMs, ScoreDifferenceDto? ScoreDifference);
