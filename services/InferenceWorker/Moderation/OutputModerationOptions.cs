using System.ComponentModel.DataAnnotations;

namespace Chatbot.InferenceWorker.Moderation;

/// <summary>
/// <c>Moderation:Output:*</c>: output checks on the reply stream. <see cref="HoldBackChars"/> characters are held back
/// so nothing flagged reaches the client (it must be at least as long as a canary token).
/// </summary>
public sealed class OutputModerationOptions
{
    public const string SectionName = "Moderation:Output";

    public bool Enabled { get; set; } = true;

    [Range(24, 4096)]
    public int HoldBackChars { get; set; } = 64;

    public bool CheckSecrets { get; set; } = true;
}
