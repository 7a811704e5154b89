namespace Chatbot.Simulator;

/// <summary>Counts a request's prompt tokens, which the simulator reports as its usage (the host supplies its tokenizer).</summary>
public interface IPromptTokenCounter
{
    /// <summary>Prompt tokens of a chat request, including the per-message framing overhead.</summary>
    int CountMessages(IEnumerable<string> contents);
}
