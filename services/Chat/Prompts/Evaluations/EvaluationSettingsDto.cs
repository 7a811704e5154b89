namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>The tenant's gate: what it set (null: the default) and what applies.</summary>
public sealed record EvaluationSettingsDto(double? Threshold, double? Margin, double EffectiveThreshold, double EffectiveMargin)
{
    public static EvaluationSettingsDto From(Data.Entities.TenantEvaluationSettings? row, EvaluationOptions defaults) =>
        new(row?.Threshold, row?.Margin, row?.Threshold ?? defaults.Threshold, row?.Margin ?? defaults.Margin);
}
