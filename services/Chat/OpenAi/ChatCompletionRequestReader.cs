using System.Text.Json;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Reads a chat completion request the way OpenAI does: unknown fields are ignored, a known field of the wrong type or
/// out of range is a 400 naming it (<see cref="OpenAiRequestException"/>). The tool fields: <see cref="ChatCompletionToolReader"/>.
/// </summary>
public static class ChatCompletionRequestReader
{
    public const string ConversationIdKey = "conversation_id";
    private const int MaxMessages = 256;
    private const int MaxStops = 4;
    private const int MaxMetadataPairs = 16;
    private const int MaxMetadataValueLength = 512;

    public static ChatCompletionRequest Read(JsonElement root, int maxContentLength)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new OpenAiRequestException("body", "The request body must be a JSON object.");
        }
        var model = String(root, "model") is { Length: > 0 } m ? m : throw new OpenAiRequestException("model", "'model' is required.");
        var messages = Messages(root, maxContentLength);
        ChatCompletionUnsupportedFields.Check(root);
        var tools = ChatCompletionToolReader.Tools(root);
        var toolChoice = ChatCompletionToolReader.Choice(root, tools);
        if (Get(root, "n") is { } n && (n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out var count) || count != 1))
        {
            throw new OpenAiRequestException("n", "Only n = 1 is supported.");
        }
        var streamOptions = Object(root, "stream_options");
        var maxTokens = Min(PositiveInt(root, "max_tokens"), PositiveInt(root, "max_completion_tokens"));
        var metadata = Metadata(root);
        Guid? conversationId = null;
        if (metadata.TryGetValue(ConversationIdKey, out var id))
        {
            conversationId = Guid.TryParse(id, out var parsed)
                ? parsed
                : throw new OpenAiRequestException("metadata.conversation_id", "metadata.conversation_id must be a conversation id (a GUID).");
        }
        return new ChatCompletionRequest(model, messages, Bool(root, "stream") ?? false,
            streamOptions is { } so && (Bool(so, "include_usage", "stream_options.include_usage") ?? false), maxTokens,
            Number(root, "temperature", 0, 2), Number(root, "top_p", 0, 1), Stops(root), String(root, "user"), metadata, conversationId,
            tools, toolChoice);
    }

    private static List<ChatTurn> Messages(JsonElement root, int maxContentLength)
    {
        if (Get(root, "messages") is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            throw new OpenAiRequestException("messages", "'messages' must be a non-empty array.");
        }
        if (array.GetArrayLength() > MaxMessages)
        {
            throw new OpenAiRequestException("messages", $"'messages' may hold at most {MaxMessages} messages.");
        }
        var turns = new List<ChatTurn>(array.GetArrayLength());
        var i = 0;
        foreach (var message in array.EnumerateArray())
        {
            var path = $"messages[{i++}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw new OpenAiRequestException(path, $"{path} must be an object.");
            }
            var role = String(message, "role", $"{path}.role") switch
            {
                "system" or "developer" => "system",
                "user" => "user",
                "assistant" => "assistant",
                "tool" => "tool",
                null => throw new OpenAiRequestException($"{path}.role", $"{path}.role is required."),
                var other => throw new OpenAiRequestException($"{path}.role",
                    $"{path}.role '{OpenAiErrors.Truncate(other)}' is not supported: use system, developer, user, assistant or tool."),
            };
            var calls = role == "assistant" ? ChatCompletionToolReader.Calls(message, path) : null;
            // An assistant message that only calls tools has no content (OpenAI sends null).
            var content = calls is not null && Get(message, "content") is null ? "" : Content(message, $"{path}.content");
            var callId = role == "tool"
                ? String(message, "tool_call_id", $"{path}.tool_call_id") is { Length: > 0 } id ? id
                    : throw new OpenAiRequestException($"{path}.tool_call_id", $"{path}.tool_call_id is required for a tool message.")
                : null;
            if (content.Length > maxContentLength)
            {
                throw new OpenAiRequestException($"{path}.content",
                    $"{path}.content has {content.Length} characters; the limit is {maxContentLength}.");
            }
            turns.Add(new ChatTurn(role, content, calls, callId));
        }
        if (turns[^1] is not ({ Role: "user" } or { Role: "tool" }) || (turns[^1].Role == "user" && string.IsNullOrWhiteSpace(turns[^1].Content)))
        {
            throw new OpenAiRequestException("messages", "The last message must be a non-blank user message or a tool result.");
        }
        return turns;
    }

    /// <summary>A string, or an array of <c>{"type":"text","text":...}</c> parts (joined); other part types are not supported.</summary>
    private static string Content(JsonElement message, string path)
    {
        var content = Get(message, "content");
        switch (content?.ValueKind)
        {
            case JsonValueKind.String:
                return Text(content.Value, path);
            case JsonValueKind.Array:
                var parts = new List<string>();
                foreach (var part in content.Value.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object || String(part, "type", $"{path}.type") != "text"
                        || String(part, "text", $"{path}.text") is not { } text)
                    {
                        throw new OpenAiRequestException(path, $"{path}: only text parts ({{\"type\":\"text\",\"text\":...}}) are supported.");
                    }
                    parts.Add(text);
                }
                return string.Concat(parts);
            default:
                throw new OpenAiRequestException(path, $"{path} must be a string or an array of text parts.");
        }
    }

    private static Dictionary<string, string> Metadata(JsonElement root)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(root, "metadata") is not { } element)
        {
            return metadata;
        }
        foreach (var pair in element.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String || pair.Value.GetString()!.Length > MaxMetadataValueLength)
            {
                throw new OpenAiRequestException($"metadata.{OpenAiErrors.Truncate(pair.Name)}", $"metadata values must be strings of at most {MaxMetadataValueLength} characters.");
            }
            metadata[pair.Name] = Text(pair.Value, $"metadata.{OpenAiErrors.Truncate(pair.Name)}");
        }
        return metadata.Count <= MaxMetadataPairs
            ? metadata
            : throw new OpenAiRequestException("metadata", $"metadata may hold at most {MaxMetadataPairs} pairs.");
    }

    private static List<string> Stops(JsonElement root) => Get(root, "stop") switch
    {
        null => [],
        { ValueKind: JsonValueKind.String } s => [Text(s, "stop")],
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() <= MaxStops && a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            [.. a.EnumerateArray().Select(e => Text(e, "stop"))],
        _ => throw new OpenAiRequestException("stop", $"'stop' must be a string or an array of at most {MaxStops} strings."),
    };

    /// <summary>The property, or null when absent or JSON null (OpenAI treats both as not sent).</summary>
    internal static JsonElement? Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal static JsonElement? Object(JsonElement element, string name) => Get(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } o => o,
        _ => throw new OpenAiRequestException(name, $"'{name}' must be an object."),
    };

    internal static string? String(JsonElement element, string name, string? param = null) => Get(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => Text(s, param ?? name),
        _ => throw new OpenAiRequestException(param ?? name, $"'{param ?? name}' must be a string."),
    };

    internal static bool? Bool(JsonElement element, string name, string? param = null) => Get(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new OpenAiRequestException(param ?? name, $"'{param ?? name}' must be a boolean."),
    };

    private static int? PositiveInt(JsonElement element, string name) => Get(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var i) && i >= 1 => i,
        _ => throw new OpenAiRequestException(name, $"'{name}' must be a positive integer."),
    };

    internal static double? Number(JsonElement element, string name, double min, double max) => Get(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.GetDouble() is var d && d >= min && d <= max => d,
        _ => throw new OpenAiRequestException(name, $"'{name}' must be a number from {min} to {max}."),
    };

    /// <summary>The string value; a lone surrogate escape (e.g. "\ud800") is not text and is a 400, not a 500.</summary>
    private static string Text(JsonElement value, string param)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new OpenAiRequestException(param, $"'{param}' is not valid Unicode text.");
        }
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
