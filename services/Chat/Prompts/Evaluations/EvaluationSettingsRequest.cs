namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary><c>PUT /api/prompts/evaluation-settings</c>: threshold and margin (0..100), null for the deployment default.</summary>
public sealed record EvaluationSettingsRequest(double? Threshold, double? Margin);
