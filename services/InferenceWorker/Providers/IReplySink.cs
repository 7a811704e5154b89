namespace Chatbot.InferenceWorker.Providers;

/// <summary>Where the chain sends a reply's tokens as they arrive (the Redis stream of the reply, in production).</summary>
public interface IReplySink
{
    ValueTask TokenAsync(string text, CancellationToken cancellationToken);

    /// <summary>Everything sent so far is void; a new answer (from another provider) follows.</summary>
    ValueTask ResetAsync(CancellationToken cancellationToken);

    /// <summary>The chain is about to ask <paramref name="provider"/>; tokens that follow are its (and billed at its prices).</summary>
    void ProviderSelected(ChatProvider provider)
    {
    }
}
