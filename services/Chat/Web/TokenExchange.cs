namespace Chatbot.Chat.Web;

/// <summary>Identity's answer to a token request: tokens, or the status and problem to pass on to the page.</summary>
public sealed record TokenExchange(string? AccessToken, string? RefreshToken, int ExpiresIn, int Status, string? Error,
    string? RetryAfter = null)
{
    public bool Succeeded => AccessToken is not null;
}
