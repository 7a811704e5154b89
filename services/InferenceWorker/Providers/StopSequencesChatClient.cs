using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// Semantic Kernel's bridge to <see cref="IChatClient"/> can hand <c>stop_sequences</c> on as an additional property
/// instead of <see cref="ChatOptions.StopSequences"/>, and the Anthropic client then drops it (seen with SK 1.82 and
/// Anthropic 13.13). This moves it where every <see cref="IChatClient"/> reads it.
/// </summary>
public sealed class StopSequencesChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) => base.GetResponseAsync(messages, Normalize(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Normalize(options), cancellationToken);

    public static ChatOptions? Normalize(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } extra || !extra.TryGetValue(ExecutionSettings.StopSequences, out var value))
        {
            return options;
        }
        var stops = value switch
        {
            IEnumerable<string?> strings => strings.OfType<string>().ToList(),
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.GetString()).OfType<string>()],
            _ => null,
        };
        if (stops is null)
        {
            return options;
        }
        var normalized = options.Clone();
        normalized.AdditionalProperties!.Remove(ExecutionSettings.StopSequences);
        normalized.StopSequences ??= stops;
        return normalized;
    }
}
