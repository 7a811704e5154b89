using Chatbot.Contracts.Identity;

namespace Chatbot.Identity.Erasure;

/// <summary>An erasure is complete when every store of <see cref="ErasureProtocol.ExpectedStores"/> has reported.</summary>
public static class ErasureCompletion
{
    public static bool IsComplete(IEnumerable<string> reported) => !ErasureProtocol.ExpectedStores.Except(reported).Any();
}
