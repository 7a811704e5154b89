namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>One row of the labelled training set: is <see cref="Text"/> an injection or jailbreak attempt?</summary>
public sealed class InjectionSample
{
    public bool Label { get; set; }
    public string Text { get; set; } = string.Empty;

    /// <summary>Training weight (the classes are balanced so that benign windows weigh twice the attack windows).</summary>
    public float Weight { get; set; } = 1;
}
