namespace Chatbot.InferenceWorker.Providers;

/// <summary>Every provider of the chain failed; <see cref="Exception.Message"/> is a readable reason for the user.</summary>
public sealed class AllProvidersFailedException(IReadOnlyList<string> reasons)
    : Exception("No model provider could answer right now. Please try again in a moment. (" + string.Join("; ", reasons) + ")")
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
