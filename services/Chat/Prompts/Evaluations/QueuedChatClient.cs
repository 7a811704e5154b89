using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Chatbot.Contracts.Inference;
using MassTransit;
using Microsoft.Extensions.AI;
using StackExchange.Redis;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// An <see cref="IChatClient"/> over the turn's own queue-first path: each call publishes a <see cref="GenerateReply"/>
/// to the inference workers (their provider chain, retries and fallback) and reads the reply's Redis stream until
/// <c>done</c> or <c>error</c>. <see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/>, else <paramref name="provider"/>, names a worker provider
/// to ask first (null: the chain in its order).
/// </summary>
public sealed class QueuedChatClient(IBus bus, IConnectionMultiplexer redis, EvaluationCaller caller, int maxOutputTokens,
    TimeSpan timeout, TimeProvider clock, string? provider = null) : IChatClient
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var replyId = Guid.CreateVersion7(clock.GetUtcNow());
        var turns = messages.Select(m => new ChatTurn(m.Role.Value, m.Text)).ToList();
        await bus.Publish(new GenerateReply(replyId, clock.GetUtcNow(), replyId, caller.TenantId, caller.UserId, caller.EvaluationId,
            Guid.Empty, caller.Tier, caller.PromptVersion, turns, options?.MaxOutputTokens ?? maxOutputTokens,
            PromptRef: caller.PromptRef, Provider: options?.ModelId ?? provider), cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var text = await ReadAsync(replyId, deadline.Token);
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
    private async Task<string> ReadAsync(Guid replyId, CancellationToken ct)
    {
        var key = ReplyStreamProtocol.StreamKey(replyId);
        var text = new StringBuilder();
        RedisValue after = "0-0";
        while (true)
        {
            foreach (var entry in await redis.GetDatabase().StreamRangeAsync(key, after == "0-0" ? "-" : "(" + after, "+"))
            {
                after = entry.Id;
                var type = (string?)entry[ReplyStreamProtocol.TypeField];
                using var data = JsonDocument.Parse((string?)entry[ReplyStreamProtocol.DataField] ?? "{}");
                switch (type)
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
            await Task.Delay(PollInterval, clock, ct);
        }
    }
}
