using System.ComponentModel.DataAnnotations;

namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>
/// <c>Moderation:Output:*</c>: output checks on the reply stream. The guard holds back only a tail that could still
/// become a match (canary, prompt echo, secret, tenant term, personal data per policy); <see cref="HoldBackChars"/> adds
/// a fixed window on top of that (0, the default: none; each character of it delays the first visible token).
/// </summary>
public sealed class OutputModerationOptions
{
    public const string SectionName = "Moderation:Output";

    public bool Enabled { get; set; } = true;

    [Range(0, 4096)]
    public int HoldBackChars { get; set; }

    public bool CheckSecrets { get; set; } = true;

    /// <summary>
    /// How long a moderated request waits for its output context (moderation writes it alongside the publish, so it
    /// can land just after the message). Without it the reply fails closed: canary and placeholders are unknown.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan ContextWait { get; set; } = TimeSpan.FromMilliseconds(500);
}
