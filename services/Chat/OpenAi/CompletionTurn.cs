using System.Runtime.CompilerServices;
using System.Text.Json;
using Chatbot.Chat.Replies;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// A turn the <c>/v1</c> door started: its reply's stream read as <see cref="CompletionEvent"/>s, and what ends it
/// (<see cref="DisposeAsync"/>): a reply the caller stopped waiting for is cancelled (the worker bills what it produced),
/// and a conversation that is not to be kept is deleted once the reply is over.
/// </summary>
public sealed class CompletionTurn(Guid replyId, ReplyStreamHub hub, ReplyCanceller canceller, Func<Task>? deleteConversation)
    : IAsyncDisposable
{
    private bool finished;

    public Guid ReplyId { get; } = replyId;

    public async IAsyncEnumerable<CompletionEvent> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = hub.Subscribe(ReplyId, StreamEntryId.Zero);
        await foreach (var entry in subscription.Events.ReadAllAsync(ct))
        {
            var next = Parse(entry);
            finished = next.Kind is CompletionEventKind.Done or CompletionEventKind.Error;
            yield return next;
            if (finished)
            {
                yield break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            await canceller.CancelAsync(ReplyId); // the caller left (or the read failed): stop generating
        }
        if (deleteConversation is not null)
        {
            await deleteConversation();
        }
    }

    private static CompletionEvent Parse(ReplyStreamEvent entry)
    {
        using var json = JsonDocument.Parse(entry.Data);
        var data = json.RootElement;
        return entry.Type switch
        {
            ReplyStreamProtocol.Token => new CompletionEvent(CompletionEventKind.Token, data.GetProperty("text").GetString() ?? ""),
            ReplyStreamProtocol.Reset => new CompletionEvent(CompletionEventKind.Reset),
            ReplyStreamProtocol.ToolCall => new CompletionEvent(CompletionEventKind.ToolCall,
                ToolCall: new ChatToolCall(data.GetProperty("id").GetString()!, data.GetProperty("name").GetString()!,
                    data.GetProperty("arguments").GetString()!),
                ToolCallIndex: data.GetProperty("index").GetInt32()),
            ReplyStreamProtocol.Done => new CompletionEvent(CompletionEventKind.Done,
                Usage: new CompletionUsage(data.GetProperty("inputTokens").GetInt32(), data.GetProperty("outputTokens").GetInt32()),
                Truncated: data.TryGetProperty("truncated", out var truncated) && truncated.ValueKind == JsonValueKind.String),
            _ => new CompletionEvent(CompletionEventKind.Error, data.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
                ErrorCode: data.TryGetProperty("code", out var c) ? c.GetString() : ReplyFailureCodes.Internal),
        };
    }
}
