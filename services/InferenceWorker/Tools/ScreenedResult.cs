namespace Chatbot.InferenceWorker.Tools;

/// <summary>A tool's answer as the model will see it, and whether it carried instructions.</summary>
public sealed record ScreenedResult(string Text, bool Flagged);
