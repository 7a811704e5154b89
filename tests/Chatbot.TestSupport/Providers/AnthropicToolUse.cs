namespace Chatbot.TestSupport.Providers;

/// <summary>
/// One <c>tool_use</c> block <see cref="FakeAnthropicServer"/> streams: its id, the tool's name (matched to the name the
/// request offered, which a client may prefix, e.g. <c>tools_order_status</c>) and its input JSON, streamed in pieces as
/// <c>input_json_delta</c>s.
/// </summary>
public sealed record AnthropicToolUse(string Id, string Name, string InputJson);
