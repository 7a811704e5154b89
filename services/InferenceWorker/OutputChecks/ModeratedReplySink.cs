using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Providers;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Output;

namespace Chatbot.InferenceWorker.OutputChecks;

/// <summary>
/// Sits between the provider chain and the reply stream: every token goes through the <see cref="OutputGuard"/>
/// (canary, prompt echo, secrets, the tenant's terms and personal data; only a possible match is held back) and then the placeholder restorer, so the client sees restored
/// text that has been checked. A violation throws <see cref="OutputBlockedException"/> before anything flagged is written.
/// </summary>
public sealed class ModeratedReplySink(IReplySink inner, Func<OutputGuard> newGuard, IReadOnlyDictionary<string, string> placeholders)
    : IReplySink
{
    private OutputGuard guard = newGuard();
    private StreamingRestorer restorer = new(placeholders);
    private bool forwardedSinceReset;

    /// <summary>
    /// Set once a violation is found and sticky: a provider chain that treats the exception as a provider failure and
    /// falls back (reset) cannot start the reply again; the generator reads it to end the stream as blocked.
    /// </summary>
    public OutputBlockedException? Blocked { get; private set; }

    public async ValueTask TokenAsync(string text, CancellationToken cancellationToken)
    {
        if (Blocked is not null) throw Blocked;
        await ForwardAsync(guard.Push(text), final: false, cancellationToken);
    }

    public ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        if (Blocked is not null) throw Blocked;
        guard = newGuard();
        restorer = new StreamingRestorer(placeholders);
        if (!forwardedSinceReset)
        {
            return ValueTask.CompletedTask; // nothing of the failed attempt reached the client: the fallback stays invisible
        }
        forwardedSinceReset = false;
        return inner.ResetAsync(cancellationToken);
    }

    public void ProviderSelected(ChatProvider provider) => inner.ProviderSelected(provider);

    /// <summary>What the audit of a cut may hold: the reply so far, masked, and its hash (see <see cref="OutputGuard.AuditExcerpt"/>).</summary>
    public (string MaskedExcerpt, string Hash) AuditExcerpt() => guard.AuditExcerpt();

    /// <summary>End of the reply: whatever is still held back is checked and written.</summary>
    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ForwardAsync(guard.Complete(), final: true, cancellationToken);

    /// <summary>
    /// A call of the caller's tool, checked like reply text (its own guard: the arguments are a separate text) with the
    /// placeholders of masked input restored; a violation throws <see cref="OutputBlockedException"/> and blocks the reply.
    /// </summary>
    public ChatToolCall Check(ChatToolCall call)
    {
        if (Blocked is not null) throw Blocked;
        var check = newGuard();
        var pushed = check.Push(call.Arguments);
        var rest = check.Complete();
        if ((pushed.Violation ?? rest.Violation) is { } category)
        {
            Blocked ??= new OutputBlockedException(category, Reasons.ForReply(category));
            throw Blocked;
        }
        var restore = new StreamingRestorer(placeholders);
        return call with { Arguments = restore.Push(pushed.Release + rest.Release) + restore.Flush() };
    }

    private async ValueTask ForwardAsync(OutputDecision decision, bool final, CancellationToken cancellationToken)
    {
        if (decision.Violation is { } category)
        {
            Blocked ??= new OutputBlockedException(category, Reasons.ForReply(category));
            throw Blocked;
        }
        var text = restorer.Push(decision.Release);
        if (final) text += restorer.Flush();
        if (text.Length == 0) return;
        forwardedSinceReset = true;
        await inner.TokenAsync(text, cancellationToken);
    }
}
