namespace Chatbot.Chat.Auth;

/// <summary>
/// Identity's public routes, forwarded through chat's origin to <c>services:identity:http:0</c>. YARP replaces
/// X-Forwarded-For with the address chat saw (after chat's own trusted-proxy rules), so a client cannot choose the IP
/// identity rate-limits on. <c>/internal/*</c> is deliberately not forwarded.
/// </summary>
internal static class IdentityProxy
{
    public static readonly string[] ForwardedPaths =
    [
        "/connect/{**rest}",
        "/.well-known/{**rest}",
        "/api/account/{**rest}",
        "/api/tenant/{**rest}",
        "/api/admin/tenants/{**rest}",
        "/api/admin/signing-keys/{**rest}",
        "/api/erasures/{**rest}",
    ];
}
