namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>This variant's up-rate minus the baseline's (the first variant), with its 95 % Newcombe–Wilson interval.</summary>
public sealed record ScoreDifferenceDto(string Baseline, double Difference, double Lower, double Upper, string Method = "newcombe-wilson-95");
