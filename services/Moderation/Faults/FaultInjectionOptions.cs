namespace Chatbot.Moderation.Faults;

/// <summary>
/// <c>Moderation:Faults:*</c>, a test-only switch: <see cref="ThrowIn"/> names a stage (<c>prompt_injection</c>,
/// <c>pii</c>, <c>harmful</c>) that throws, for every input or only for inputs containing <see cref="WhenInputContains"/>.
/// Start-up refuses it outside the Development and Testing environments.
/// </summary>
public sealed class FaultInjectionOptions
{
    public const string SectionName = "Moderation:Faults";

    public string? ThrowIn { get; set; }

    public string? WhenInputContains { get; set; }
}
