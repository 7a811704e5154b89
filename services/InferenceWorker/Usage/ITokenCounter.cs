namespace Chatbot.InferenceWorker.Usage;

/// <summary>Counts tokens when a provider does not report usage.</summary>
public interface ITokenCounter
{
    int CountText(string text);

    /// <summary>Prompt tokens of a chat request, including the per-message framing overhead.</summary>
    int CountMessages(IEnumerable<string> contents);
}
