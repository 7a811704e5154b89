namespace Chatbot.Chat.Web;

/// <summary>The refresh token's cookie: httpOnly, Secure, SameSite=Strict, sent only to <c>/web/session</c>.</summary>
public static class SessionCookie
{
    public const string Name = "chatbot_refresh";
    public const string Path = "/web/session";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var value) && value.Length > 0 ? value : null;

    public static void Write(HttpResponse response, string refreshToken) =>
        response.Cookies.Append(Name, refreshToken, Options(DateTimeOffset.UtcNow.Add(Lifetime)));

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    private static CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}
