namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>The output guard cut the reply; the message is user-readable and quotes nothing of the reply.</summary>
public sealed class OutputBlockedException(string category, string message) : Exception(message)
{
    public string Category { get; } = category;
}
