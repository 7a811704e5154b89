namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// A tool call that was refused, denied or failed, thrown by <see cref="ToolCallFilter"/> after it audited the step, so
/// the call's result is an error in every provider's shape: Anthropic's <c>tool_result</c> with <c>is_error: true</c>,
/// and the text <c>Error: ...</c> with this message for OpenAI's <c>tool</c> message. The message is in plain words
/// without argument values: the model reads it and tells the user what could not be done.
/// </summary>
public sealed class ToolCallRefusedException(string message) : Exception(message);
