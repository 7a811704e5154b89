using System.Text.Json;
using System.Text;
using Chatbot.Chat.Data.Entities;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.Replies;

/// <summary>
/// Writes Server-Sent Events: <c>id</c>, <c>event</c> and one <c>data</c> line per event, and comment heartbeats.
/// <see cref="Append"/> encodes straight into the response's pipe; one <see cref="FlushAsync"/> sends everything
/// appended since the last, so a client that fell behind gets its backlog in one write, not one per token.
/// </summary>
public sealed class SseWriter(HttpResponse response)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions JsonOmittingNulls = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Start()
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public void Append(ReplyStreamEvent streamEvent) =>
        Append($"id: {streamEvent.Id}\nevent: {streamEvent.Type}\ndata: {OneLine(streamEvent.Data)}\n\n");

    public void AppendHeartbeat() => Append(": heartbeat\n\n");

    public async Task FlushAsync(CancellationToken ct) => await response.BodyWriter.FlushAsync(ct);

    /// <summary>The final event of a reply whose stream has expired, rebuilt from the stored message.</summary>
    public Task WriteStoredOutcomeAsync(Message reply, CancellationToken ct)
    {
        var (type, data) = reply.Status == MessageStatuses.Completed
            ? (ReplyStreamProtocol.Done, JsonSerializer.Serialize(new
            {
                inputTokens = reply.InputTokens ?? 0, outputTokens = reply.OutputTokens ?? 0, cost = reply.Cost ?? 0m,
                model = reply.Model, provider = reply.Provider, promptVersion = reply.PromptVersion ?? 0,
                promptRef = reply.PromptRef, experiment = reply.ExperimentId, variant = reply.Variant,
            }, JsonOmittingNulls))
            : (ReplyStreamProtocol.Error, JsonSerializer.Serialize(new
            {
                code = reply.FailureCode ?? reply.Status, message = reply.FailureReason ?? $"The reply is {reply.Status}.",
            }, Json));
        Append($"event: {type}\ndata: {data}\n\n");
        return FlushAsync(ct);
    }

    private void Append(string text) => Encoding.UTF8.GetBytes(text, response.BodyWriter);

    private static string OneLine(string data) => data.Replace("\r", string.Empty).Replace("\n", "\ndata: ");
}
