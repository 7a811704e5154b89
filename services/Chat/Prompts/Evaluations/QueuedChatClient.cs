using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Chatbot.Chat.Replies;
using Chatbot.Chat.Turns;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.Extensions.AI;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// An <see cref="IChatClient"/> over the turn's own queue-first path: each call publishes a <see cref="GenerateReply"/>
/// to the inference workers (their provider chain, retries and fallback) and reads the reply's Redis stream through
/// chat's <see cref="ReplyStreamHub"/> (woken by the workers' <c>chatbot:reply-activity</c> announcement, as SSE clients
/// are) until <c>done</c> or <c>error</c>. With <paramref name="routing"/> the request goes the way a user's turn goes
/// (<see cref="ModerationRouting"/>: input moderation first when it is on), so an evaluation's question is moderated like
/// any turn; without it (the judge, whose input is the platform's rubric and the model's answer) it goes to the worker.
/// <see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/>, else <paramref name="provider"/>, names a worker provider
/// to ask first (null: the chain in its order).
/// </summary>
public sealed class QueuedChatClient(IBus bus, ReplyStreamHub streams, ModerationRouting? routing, EvaluationCaller caller,
    int maxOutputTokens, TimeSpan timeout, TimeProvider clock, string? provider = null) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var replyId = Guid.CreateVersion7(now);
        var turns = messages.Select(m => new ChatTurn(m.Role.Value, m.Text)).ToList();
        var command = new GenerateReply(replyId, now, replyId, caller.TenantId, caller.UserId, caller.EvaluationId,
            Guid.Empty, caller.Tier, caller.PromptVersion, turns, options?.MaxOutputTokens ?? maxOutputTokens,
            PromptRef: caller.PromptRef, Provider: options?.ModelId ?? provider);
        // Subscribed before the publish: no entry can come before the subscription.
        using var subscription = streams.Subscribe(replyId, StreamEntryId.Zero);
        await (routing is null ? bus.Publish(command, cancellationToken) : routing.PublishAsync(bus, command, now, cancellationToken));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var text = await ReadAsync(subscription, deadline.Token);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ResponseId = replyId.ToString() };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        Microsoft.Extensions.AI.ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        yield return new ChatResponseUpdate(ChatRole.Assistant, response.Text);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>The reply's text: tokens appended, a reset starts over; an error entry throws.</summary>
    private static async Task<string> ReadAsync(ReplyStreamSubscription subscription, CancellationToken ct)
    {
        var text = new StringBuilder();
        await foreach (var entry in subscription.Events.ReadAllAsync(ct))
        {
            using var data = JsonDocument.Parse(entry.Data is { Length: > 0 } json ? json : "{}");
            switch (entry.Type)
            {
                case ReplyStreamProtocol.Token:
                    text.Append(data.RootElement.GetProperty("text").GetString());
                    break;
                case ReplyStreamProtocol.Reset:
                    text.Clear();
                    break;
                case ReplyStreamProtocol.Done:
                    return text.ToString();
                case ReplyStreamProtocol.Error:
                    throw new InvalidOperationException(
                        $"The model call failed: {(data.RootElement.TryGetProperty("code", out var code) ? code.GetString() : "error")}.");
            }
        }
        throw new OperationCanceledException(ct);
    }
}
