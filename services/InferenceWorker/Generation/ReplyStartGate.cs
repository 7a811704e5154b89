using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>
/// Stands between a provider chain that was started before the reply's Redis reads came back and the reply's real sink.
/// Until <see cref="Open"/>, nothing reaches the sink: provider selections are remembered in order, and a token (or a
/// reset) waits for the gate. The chain streams one call at a time, so the provider is simply paused on its first token;
/// nothing is dropped or reordered. <see cref="Open"/> replays the selections, then lets the waiting call through; after
/// that every call goes straight to the sink (one volatile read, no allocation). A gate that is never opened holds
/// everything until the chain's token is cancelled.
/// </summary>
public sealed class ReplyStartGate : IReplySink
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<ChatProvider>? _selected;
    private volatile IReplySink? _sink;

    /// <summary>Whether the checks are done and calls reach the sink.</summary>
    public bool IsOpen => _sink is not null;

    public ValueTask TokenAsync(string text, CancellationToken cancellationToken) =>
        _sink is { } sink ? sink.TokenAsync(text, cancellationToken) : TokenWhenOpenAsync(text, cancellationToken);

    public ValueTask ResetAsync(CancellationToken cancellationToken) =>
        _sink is { } sink ? sink.ResetAsync(cancellationToken) : ResetWhenOpenAsync(cancellationToken);

    public void ProviderSelected(ChatProvider provider)
    {
        lock (_lock)
        {
            if (_sink is null)
            {
                (_selected ??= []).Add(provider);
                return;
            }
        }
        _sink.ProviderSelected(provider);
    }

    /// <summary>The checks passed: what was held goes to <paramref name="sink"/> in order, and so does everything after.</summary>
    public void Open(IReplySink sink)
    {
        lock (_lock)
        {
            if (_sink is not null) throw new InvalidOperationException("The gate is already open.");
            foreach (var provider in _selected ?? []) sink.ProviderSelected(provider);
            _selected = null;
            _sink = sink;
        }
        _opened.SetResult();
    }

    private async ValueTask TokenWhenOpenAsync(string text, CancellationToken cancellationToken)
    {
        await _opened.Task.WaitAsync(cancellationToken);
        await _sink!.TokenAsync(text, cancellationToken);
    }

    private async ValueTask ResetWhenOpenAsync(CancellationToken cancellationToken)
    {
        await _opened.Task.WaitAsync(cancellationToken);
        await _sink!.ResetAsync(cancellationToken);
    }
}
