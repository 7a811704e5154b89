namespace Chatbot.Chat.Web;

/// <summary>What the page keeps in memory: the access token and its lifetime. The refresh token stays in the cookie.</summary>
public sealed record SessionResponse(string AccessToken, int ExpiresIn);
