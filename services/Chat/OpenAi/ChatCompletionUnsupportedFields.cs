using System.Text.Json;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// OpenAI's request fields that this door does not carry out. A field whose silent loss would change what the caller
/// gets back (the deprecated <c>functions</c>, JSON output, log probabilities, audio, web search) is refused with a 400 naming it; a field
/// that only tunes the answer (penalties, seed, logit bias, service tier, ...) is type-checked like OpenAI does and
/// then ignored. docs/openai-compatible-api.md lists each with the reason.
/// </summary>
public static class ChatCompletionUnsupportedFields
{
    public static void Check(JsonElement root)
    {
        // The deprecated function fields: 'tools' and 'tool_choice' (ChatCompletionToolReader) carry the same.
        RefuseNonEmptyArray(root, "functions", "'functions' is deprecated and not supported on this API; offer them in 'tools'.");
        RefuseUnless(root, "function_call", "none", "auto");
        if (ChatCompletionRequestReader.Object(root, "response_format") is { } format
            && ChatCompletionRequestReader.String(format, "type", "response_format.type") is { } type && type != "text")
        {
            throw new OpenAiRequestException("response_format",
                $"response_format '{OpenAiErrors.Truncate(type)}' is not supported: replies are plain text (use 'text' or leave it out).");
        }
        if (ChatCompletionRequestReader.Bool(root, "logprobs") == true)
        {
            throw new OpenAiRequestException("logprobs", "logprobs are not supported on this API.");
        }
        if (ChatCompletionRequestReader.Number(root, "top_logprobs", 0, 20) > 0)
        {
            throw new OpenAiRequestException("top_logprobs", "top_logprobs are not supported on this API.");
        }
        if (ChatCompletionRequestReader.Get(root, "modalities") is { } modalities
            && (modalities.ValueKind != JsonValueKind.Array || modalities.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String || !m.ValueEquals("text"))))
        {
            throw new OpenAiRequestException("modalities", "Only the 'text' modality is supported.");
        }
        Refuse(root, "audio", "Audio output is not supported on this API.");
        Refuse(root, "web_search_options", "Web search is not supported on this API.");

        // Type-checked as OpenAI does, then ignored.
        ChatCompletionRequestReader.Number(root, "frequency_penalty", -2, 2);
        ChatCompletionRequestReader.Number(root, "presence_penalty", -2, 2);
        ChatCompletionRequestReader.Number(root, "seed", long.MinValue, long.MaxValue);
        ChatCompletionRequestReader.Object(root, "logit_bias");
        ChatCompletionRequestReader.Bool(root, "store");
        ChatCompletionRequestReader.Bool(root, "parallel_tool_calls");
        ChatCompletionRequestReader.String(root, "service_tier");
        ChatCompletionRequestReader.String(root, "reasoning_effort");
    }

    private static void Refuse(JsonElement root, string name, string message)
    {
        if (ChatCompletionRequestReader.Get(root, name) is not null)
        {
            throw new OpenAiRequestException(name, message);
        }
    }

    private static void RefuseNonEmptyArray(JsonElement root, string name, string message)
    {
        if (ChatCompletionRequestReader.Get(root, name) is { } value && (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 0))
        {
            throw new OpenAiRequestException(name, message);
        }
    }

    /// <summary>Only the given string values (which ask for no call) are accepted; a forced call or a named function is refused.</summary>
    private static void RefuseUnless(JsonElement root, string name, params string[] accepted)
    {
        if (ChatCompletionRequestReader.Get(root, name) is { } value
            && (value.ValueKind != JsonValueKind.String || !accepted.Any(value.ValueEquals)))
        {
            throw new OpenAiRequestException(name, $"'{name}' may only be {string.Join(" or ", accepted.Select(a => $"'{a}'"))}: use 'tool_choice' with 'tools'.");
        }
    }
}
