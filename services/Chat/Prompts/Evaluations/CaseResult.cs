namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>One case's figures as stored (no question or answer text): checks passed (0-1), the judge's 1-5, the case score (0-100).</summary>
public sealed record CaseResult(string Id, double Checks, double Rubric, double Score, string? Failed);
