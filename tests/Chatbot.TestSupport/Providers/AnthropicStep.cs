namespace Chatbot.TestSupport.Providers;

/// <summary>
/// What <see cref="FakeAnthropicServer"/> answers to one <c>POST /v1/messages</c>: a streamed reply (text deltas, then
/// usage in <c>message_delta</c>), an HTTP error with Anthropic's error body (429 with <c>retry-after</c>, 529
/// overloaded), a stream that sends some deltas and then an <c>error</c> event, or <c>tool_use</c> blocks (after the text,
/// <c>stop_reason: "tool_use"</c>).
/// </summary>
public sealed record AnthropicStep(
    IReadOnlyList<string> Deltas,
    int InputTokens = 0,
    int OutputTokens = 0,
    int Status = 200,
    string? RetryAfter = null,
    string? StreamErrorType = null,
    int DelayMilliseconds = 0,
    IReadOnlyList<AnthropicToolUse>? ToolUses = null)
{
    public static AnthropicStep Reply(int inputTokens, int outputTokens, params string[] deltas) => new(deltas, inputTokens, outputTokens);

    /// <summary>The model asks for these tools in one message (parallel tool use), with no text before them.</summary>
    public static AnthropicStep UseTools(params AnthropicToolUse[] uses) => new([], 10, 5, ToolUses: uses);

    public static AnthropicStep RateLimited(string retryAfter) => new([], Status: 429, RetryAfter: retryAfter);

    public static AnthropicStep Overloaded() => new([], Status: 529);

    /// <summary>The deltas, then <c>event: error</c> (<c>overloaded_error</c>) instead of <c>message_stop</c>.</summary>
    public static AnthropicStep FailMidStream(params string[] deltas) => new(deltas, StreamErrorType: "overloaded_error");

    public string ErrorType => Status switch
    {
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    };
}
