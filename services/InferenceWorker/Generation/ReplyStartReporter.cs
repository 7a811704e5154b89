using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Providers;
using Chatbot.InferenceWorker.Telemetry;
using MassTransit;

namespace Chatbot.InferenceWorker.Generation;

/// <summary>
/// Passes tokens on to the reply stream and, after the first one is written, publishes <see cref="ReplyStarted"/> in the
/// background: the token path never waits for the broker. <see cref="FlushAsync"/> lets the generator publish the
/// outcome only after it, so chat sees pending → streaming → final in order (chat also never reopens a final status).
/// </summary>
public sealed class ReplyStartReporter(
    IReplySink inner, GenerateReply request, IPublishEndpoint publisher, TimeProvider timeProvider, ILogger logger) : IReplySink
{
    private ChatProvider? provider;
    private Task? published;

    public async ValueTask TokenAsync(string text, CancellationToken cancellationToken)
    {
        await inner.TokenAsync(text, cancellationToken);
        published ??= PublishAsync();
    }

    public ValueTask ResetAsync(CancellationToken cancellationToken) => inner.ResetAsync(cancellationToken);

    public void ProviderSelected(ChatProvider selected)
    {
        provider = selected;
        inner.ProviderSelected(selected);
    }

    /// <summary>Waits for the <see cref="ReplyStarted"/> publish, if one began.</summary>
    public Task FlushAsync() => published ?? Task.CompletedTask;

    private async Task PublishAsync()
    {
        await Task.Yield(); // the token goes back to the provider loop at once
        try
        {
            await publisher.Publish(new ReplyStarted(request.CorrelationId, timeProvider.GetUtcNow(), request.ReplyId,
                request.TenantId, request.UserId, request.ConversationId, provider?.Name ?? string.Empty));
        }
        catch (Exception ex)
        {
            // Only the intermediate status is lost; the final outcome is published on its own.
            InferenceLog.ReplyStartNotPublished(logger, ex, request.ReplyId);
        }
    }
}
