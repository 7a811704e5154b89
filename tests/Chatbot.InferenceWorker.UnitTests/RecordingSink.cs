using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.UnitTests;

/// <summary>
/// Records what the chain sends to the reply stream, in order: token texts and "&lt;reset&gt;"; the names of the
/// providers it selected in <see cref="Selected"/>.
/// </summary>
internal sealed class RecordingSink : IReplySink
{
    public const string ResetMarker = "<reset>";
    public List<string> Events { get; } = [];
    public List<string> Selected { get; } = [];

    public void ProviderSelected(ChatProvider provider) => Selected.Add(provider.Name);

    public ValueTask TokenAsync(string text, CancellationToken cancellationToken)
    {
        Events.Add(text);
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        Events.Add(ResetMarker);
        return ValueTask.CompletedTask;
    }
}
