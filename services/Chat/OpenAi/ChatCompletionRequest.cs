using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.OpenAi;

/// <summary>
/// A <c>POST /v1/chat/completions</c> body as read (<see cref="ChatCompletionRequestReader"/>): the fields this API acts
/// on, types checked. <see cref="Messages"/> ends with the user message; <c>developer</c> is read as <c>system</c>.
/// Sampling fields (<c>temperature</c>, <c>top_p</c>, <c>stop</c>) go to the provider on the turn's <c>GenerateReply</c>.
/// <see cref="Tools"/> and <see cref="ToolChoice"/>: the caller's functions (OpenAI's <c>tools</c>/<c>tool_choice</c>);
/// then <see cref="Messages"/> may end with <c>tool</c> results instead of a user message.
/// </summary>
public sealed record ChatCompletionRequest(
    string Model,
    IReadOnlyList<ChatTurn> Messages,
    bool Stream,
    bool IncludeUsage,
    int? MaxTokens,
    double? Temperature,
    double? TopP,
    IReadOnlyList<string> Stop,
    string? User,
    IReadOnlyDictionary<string, string> Metadata,
    Guid? ConversationId,
    IReadOnlyList<ClientTool> Tools,
    ClientToolChoice? ToolChoice);
