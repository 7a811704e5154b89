namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>The classifier's output for one text.</summary>
public sealed class InjectionPrediction
{
    public bool PredictedLabel { get; set; }
    public float Probability { get; set; }
}
