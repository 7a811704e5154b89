using System.ComponentModel.DataAnnotations;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>The <c>Inference:Tools</c> section: caps and limits of function calling (docs/tools.md).</summary>
public sealed class ToolOptions
{
    public const string SectionName = "Inference:Tools";

    /// <summary>Tool calls one reply may make; more are refused with a message the model sees.</summary>
    [Range(1, 50)]
    public int MaxCallsPerTurn { get; set; } = 5;

    /// <summary>Tool calls one tenant may make per minute, across every worker (a Redis counter).</summary>
    [Range(1, 100_000)]
    public int MaxCallsPerMinute { get; set; } = 60;

    /// <summary>Longest wait for a tool endpoint's answer.</summary>
    [Range(1, 120)]
    public int CallTimeoutSeconds { get; set; } = 10;

    /// <summary>Largest tool answer read; a longer one fails the call.</summary>
    [Range(256, 1_048_576)]
    public int MaxResponseBytes { get; set; } = 32_768;

    /// <summary>How long a write or critical call waits for a human's decision; no decision denies it.</summary>
    [Range(1, 3600)]
    public int ApprovalTimeoutSeconds { get; set; } = 120;
}
