namespace Chatbot.Chat.Safety;

/// <summary>
/// <c>Moderation:Enabled</c> (default true): a chat turn goes to moderation as <c>ModerateInput</c>, which passes it on
/// to the worker. False sends <c>GenerateReply</c> straight to the worker (tests of chat alone, or no moderation service).
/// </summary>
public sealed class ChatModerationOptions
{
    public const string Section = "Moderation";

    public bool Enabled { get; set; } = true;
}
