using Chatbot.Simulator;

namespace Chatbot.InferenceWorker.Usage;

/// <summary>Counts tokens when a provider does not report usage; the simulator counts its prompts with it too.</summary>
public interface ITokenCounter : IPromptTokenCounter
{
    int CountText(string text);
}
