namespace Chatbot.Contracts.Inference;

/// <summary>
/// OpenAI's <c>tool_choice</c> for <see cref="ClientTool"/>s: <see cref="Auto"/> (the model decides), <see cref="None"/>
/// (text only), <see cref="Required"/> (at least one call), or <see cref="Function"/> (a call of that function).
/// </summary>
public sealed record ClientToolChoice(string Mode, string? Function = null)
{
    public const string Auto = "auto";
    public const string None = "none";
    public const string Required = "required";
    public const string Named = "function";
}
