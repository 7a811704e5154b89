using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// Reads the client-side tool fields of a chat completion request as OpenAI defines them: <c>tools</c> (functions with a
/// JSON Schema of their parameters), <c>tool_choice</c> (auto, none, required, or a named function) and an assistant
/// message's <c>tool_calls</c>. A wrong shape is a 400 naming the field (<see cref="OpenAiRequestException"/>).
/// </summary>
public static partial class ChatCompletionToolReader
{
    public const int MaxTools = 128;
    private const int MaxSchemaLength = 16 * 1024;
    private const string EmptySchema = """{"type":"object","properties":{}}""";

    public static List<ClientTool> Tools(JsonElement root)
    {
        if (ChatCompletionRequestReader.Get(root, "tools") is not { } tools)
        {
            return [];
        }
        if (tools.ValueKind != JsonValueKind.Array || tools.GetArrayLength() > MaxTools)
        {
            throw new OpenAiRequestException("tools", $"'tools' must be an array of at most {MaxTools} tools.");
        }
        var read = new List<ClientTool>(tools.GetArrayLength());
        var i = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            var path = $"tools[{i++}]";
            if (tool.ValueKind != JsonValueKind.Object || ChatCompletionRequestReader.String(tool, "type", $"{path}.type") != "function"
                || ChatCompletionRequestReader.Get(tool, "function") is not { ValueKind: JsonValueKind.Object } function)
            {
                throw new OpenAiRequestException(path, $"{path} must be {{\"type\":\"function\",\"function\":{{...}}}}: only function tools are supported.");
            }
            var name = Name(ChatCompletionRequestReader.String(function, "name", $"{path}.function.name"), $"{path}.function.name");
            if (read.Any(t => t.Name == name))
            {
                throw new OpenAiRequestException($"{path}.function.name", $"{path}.function.name '{name}' is offered twice.");
            }
            read.Add(new ClientTool(name, ChatCompletionRequestReader.String(function, "description", $"{path}.function.description"),
                Schema(function, $"{path}.function.parameters")));
        }
        return read;
    }

    public static ClientToolChoice? Choice(JsonElement root, IReadOnlyList<ClientTool> tools)
    {
        var choice = ChatCompletionRequestReader.Get(root, "tool_choice") switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } s when s.ValueEquals(ClientToolChoice.Auto) => new ClientToolChoice(ClientToolChoice.Auto),
            { ValueKind: JsonValueKind.String } s when s.ValueEquals(ClientToolChoice.None) => new ClientToolChoice(ClientToolChoice.None),
            { ValueKind: JsonValueKind.String } s when s.ValueEquals(ClientToolChoice.Required) => new ClientToolChoice(ClientToolChoice.Required),
            { ValueKind: JsonValueKind.Object } o when ChatCompletionRequestReader.String(o, "type", "tool_choice.type") == "function"
                && ChatCompletionRequestReader.Object(o, "function") is { } f =>
                new ClientToolChoice(ClientToolChoice.Named, ChatCompletionRequestReader.String(f, "name", "tool_choice.function.name")),
            _ => throw new OpenAiRequestException("tool_choice",
                "'tool_choice' must be 'none', 'auto', 'required' or {\"type\":\"function\",\"function\":{\"name\":...}}."),
        };
        if (choice is { Mode: ClientToolChoice.Required or ClientToolChoice.Named } && tools.Count == 0)
        {
            throw new OpenAiRequestException("tool_choice", "'tool_choice' asks for a tool call but 'tools' offers none.");
        }
        if (choice is { Mode: ClientToolChoice.Named } && !tools.Any(t => t.Name == choice.Function))
        {
            throw new OpenAiRequestException("tool_choice", $"tool_choice names '{OpenAiErrors.Truncate(choice.Function ?? "")}', which is not in 'tools'.");
        }
        return choice;
    }

    /// <summary>An assistant message's <c>tool_calls</c>; null when it has none.</summary>
    public static List<ChatToolCall>? Calls(JsonElement message, string path)
    {
        if (ChatCompletionRequestReader.Get(message, "tool_calls") is not { } calls)
        {
            return null;
        }
        if (calls.ValueKind != JsonValueKind.Array || calls.GetArrayLength() > MaxTools)
        {
            throw new OpenAiRequestException($"{path}.tool_calls", $"{path}.tool_calls must be an array of at most {MaxTools} calls.");
        }
        var read = new List<ChatToolCall>(calls.GetArrayLength());
        var i = 0;
        foreach (var call in calls.EnumerateArray())
        {
            var at = $"{path}.tool_calls[{i++}]";
            if (call.ValueKind != JsonValueKind.Object
                || ChatCompletionRequestReader.String(call, "id", $"{at}.id") is not { Length: > 0 } id
                || ChatCompletionRequestReader.Get(call, "function") is not { ValueKind: JsonValueKind.Object } function
                || ChatCompletionRequestReader.String(function, "arguments", $"{at}.function.arguments") is not { } arguments)
            {
                throw new OpenAiRequestException(at, $"{at} must be {{\"id\",\"type\":\"function\",\"function\":{{\"name\",\"arguments\"}}}}.");
            }
            read.Add(new ChatToolCall(id, Name(ChatCompletionRequestReader.String(function, "name", $"{at}.function.name"), $"{at}.function.name"), arguments));
        }
        return read.Count == 0 ? null : read;
    }

    /// <summary>
    /// A function name as OpenAI allows it, without '-': Semantic Kernel, which offers the functions to every provider,
    /// reads '-' as the separator of a plugin name.
    /// </summary>
    private static string Name(string? name, string path) => name is not null && NamePattern().IsMatch(name)
        ? name
        : throw new OpenAiRequestException(path, $"{path} must be 1 to 64 letters, digits or underscores.");

    /// <summary>The parameters' JSON Schema: an object whose properties are schemas (objects); absent means no parameters.</summary>
    private static string Schema(JsonElement function, string path)
    {
        if (ChatCompletionRequestReader.Get(function, "parameters") is not { } schema)
        {
            return EmptySchema;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new OpenAiRequestException(path, $"{path} must be a JSON Schema object.");
        }
        if (ChatCompletionRequestReader.Get(schema, "properties") is { } properties
            && (properties.ValueKind != JsonValueKind.Object || properties.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Object)))
        {
            throw new OpenAiRequestException($"{path}.properties", $"{path}.properties must map each parameter to a JSON Schema object.");
        }
        var text = schema.GetRawText();
        return text.Length <= MaxSchemaLength
            ? text
            : throw new OpenAiRequestException(path, $"{path} is longer than {MaxSchemaLength} characters.");
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex NamePattern();
}
