namespace Chatbot.Chat.Turns.Dispatch;

/// <summary>A turn's request sent before its commit: <paramref name="Published"/> says whether the broker took it.</summary>
public sealed record EarlyTurn(Guid ReplyId, Task<bool> Published);
