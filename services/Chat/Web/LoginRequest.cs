namespace Chatbot.Chat.Web;

/// <summary>Body of <c>POST /web/session</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);
