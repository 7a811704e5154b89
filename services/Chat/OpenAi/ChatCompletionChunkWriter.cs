using System.Buffers;
using System.Text.Json;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Writes a streamed completion as OpenAI does: <c>data: {chat.completion.chunk}</c> events (the first delta carries the
/// role), a last chunk with <c>finish_reason</c>, a usage chunk (empty <c>choices</c>) when
/// <c>stream_options.include_usage</c> asked for it, then <c>data: [DONE]</c>. Chunks are encoded straight into the
/// response's pipe; <see cref="FlushAsync"/> sends what was appended.
/// </summary>
public sealed class ChatCompletionChunkWriter(HttpResponse response, string id, string model, long created, bool includeUsage)
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private readonly Utf8JsonWriter json = new(response.BodyWriter);
    private const int ArgumentFragmentLength = 32;
    private bool roleSent;

    public bool Started { get; private set; }

    public void Start()
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        Started = true;
    }

    public void AppendContent(string text) => AppendChunk(text, finishReason: null);

    /// <summary>
    /// One call of the caller's tools as OpenAI streams it: a delta with the call's index, id, type and name (and empty
    /// arguments), then the arguments in fragments under the same index.
    /// </summary>
    public void AppendToolCall(int index, ChatToolCall call)
    {
        AppendChunk(null, finishReason: null, json =>
        {
            json.WriteNumber("index", index);
            json.WriteString("id", call.Id);
            json.WriteString("type", "function");
            json.WriteStartObject("function");
            json.WriteString("name", call.Name);
            json.WriteString("arguments", "");
            json.WriteEndObject();
        });
        foreach (var fragment in call.Arguments.Chunk(ArgumentFragmentLength))
        {
            AppendChunk(null, finishReason: null, json =>
            {
                json.WriteNumber("index", index);
                json.WriteStartObject("function");
                json.WriteString("arguments", fragment);
                json.WriteEndObject();
            });
        }
    }

    public void AppendFinish(string finishReason) => AppendChunk(null, finishReason);

    public void AppendUsage(CompletionUsage usage)
    {
        if (!includeUsage)
        {
            return;
        }
        BeginEvent();
        json.WriteStartArray("choices");
        json.WriteEndArray();
        json.WritePropertyName("usage");
        WriteUsage(json, usage);
        EndEvent();
    }

    /// <summary>A failure after the stream started: OpenAI's error object as an event, and no <c>[DONE]</c>.</summary>
    public void AppendError(OpenAiError error)
    {
        Raw(DataPrefix);
        Raw(JsonSerializer.SerializeToUtf8Bytes(new OpenAiErrorBody(error), OpenAiJson.Options));
        Raw(EventEnd);
    }

    public void AppendDone() => Raw("data: [DONE]\n\n"u8);

    public async Task FlushAsync(CancellationToken ct) => await response.BodyWriter.FlushAsync(ct);

    public static void WriteUsage(Utf8JsonWriter writer, CompletionUsage usage)
    {
        writer.WriteStartObject();
        writer.WriteNumber("prompt_tokens", usage.PromptTokens);
        writer.WriteNumber("completion_tokens", usage.CompletionTokens);
        writer.WriteNumber("total_tokens", usage.TotalTokens);
        writer.WriteEndObject();
    }

    private void AppendChunk(string? content, string? finishReason, Action<Utf8JsonWriter>? toolCall = null)
    {
        BeginEvent();
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        if (!roleSent)
        {
            json.WriteString("role", "assistant");
            roleSent = true;
        }
        if (content is not null)
        {
            json.WriteString("content", content);
        }
        if (toolCall is not null)
        {
            json.WriteStartArray("tool_calls");
            json.WriteStartObject();
            toolCall(json);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteNull("logprobs");
        if (finishReason is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finishReason);
        }
        json.WriteEndObject();
        json.WriteEndArray();
        if (includeUsage)
        {
            json.WriteNull("usage");
        }
        EndEvent();
    }

    private void BeginEvent()
    {
        Raw(DataPrefix);
        json.Reset(response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteNull("system_fingerprint");
    }

    private void EndEvent()
    {
        json.WriteEndObject();
        json.Flush();
        Raw(EventEnd);
    }

    private void Raw(ReadOnlySpan<byte> bytes) => response.BodyWriter.Write(bytes);
}
