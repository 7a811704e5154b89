using System.ComponentModel.DataAnnotations;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// <c>Chat:Evaluation</c>: the gate's pass mark (<see cref="Threshold"/>, percent) and how much worse than the active
/// version's a candidate may score (<see cref="Margin"/>, points); <see cref="Gate"/> when it applies; where the committed
/// sets are; how long one answer may take; the worker provider that judges (null: the chain's first).
/// </summary>
public sealed class EvaluationOptions
{
    public const string Section = "Chat:Evaluation";

    [Range(0, 100)] public double Threshold { get; set; } = 80;
    [Range(0, 100)] public double Margin { get; set; } = 5;
    public EvaluationGateMode Gate { get; set; } = EvaluationGateMode.WhenEvaluated;
    /// <summary>Experiment weights up to this percent need no evaluation (the first rollout steps, 1 % and 5 %).</summary>
    [Range(0, 100)] public int UngatedWeight { get; set; } = 5;
    public string? SetsPath { get; set; }
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(90);
    [Range(16, 8192)] public int MaxOutputTokens { get; set; } = 512;
    public string? JudgeProvider { get; set; }
    [Range(1, 1000)] public int QueueCapacity { get; set; } = 16;
    /// <summary>How long an evaluation's lease outlives its instance's last renewal (<see cref="EvaluationLeases"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan LeaseLifetime { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>How many runs an evaluation gets when its instances keep stopping mid-run (<see cref="EvaluationRecovery"/>).</summary>
    [Range(1, 10)] public int MaxAttempts { get; set; } = 3;

    public string ResolvedSetsPath => SetsPath ?? Path.Combine(AppContext.BaseDirectory, "Prompts", "Evaluations");
}
