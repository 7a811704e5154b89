namespace Chatbot.Contracts.Inference;

/// <summary>
/// Span events that split a turn's time to first token in a trace: the worker marks the provider's first token and the
/// reply's first stream entry on its <c>chat {model}</c> span, chat marks the first token flushed on the stream request.
/// </summary>
public static class ReplyTraceEvents
{
    public const string FirstToken = "chatbot.first_token";
    public const string FirstEntry = "chatbot.first_entry";
    public const string FirstTokenSent = "chatbot.first_token_sent";
}
