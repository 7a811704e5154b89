using System.ComponentModel.DataAnnotations;

namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>
/// <c>Moderation:Output:*</c>: output checks on the reply stream. <see cref="HoldBackChars"/> characters are held back
/// so nothing flagged reaches the client (at least a canary token, 21 characters; every output pattern triggers
/// within 28 characters). The window delays the first visible token by about that many characters.
/// </summary>
public sealed class OutputModerationOptions
{
    public const string SectionName = "Moderation:Output";

    public bool Enabled { get; set; } = true;

    [Range(24, 4096)]
    public int HoldBackChars { get; set; } = 32;

    public bool CheckSecrets { get; set; } = true;

    /// <summary>
    /// How long a moderated request waits for its output context (moderation writes it alongside the publish, so it
    /// can land just after the message). Without it the reply fails closed: canary and placeholders are unknown.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan ContextWait { get; set; } = TimeSpan.FromMilliseconds(500);
}
