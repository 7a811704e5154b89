namespace Chatbot.Doctor.Tests;

/// <summary>
/// Sends every request as if a proxy forwarded it for <paramref name="clientIp"/> (the local system's chat trusts
/// loopback proxies): a test that must not share chat's per-IP window with the rate-limit rows' bursts takes its own.
/// </summary>
public sealed class ForwardedForHandler(string clientIp) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Forwarded-For");
        request.Headers.Add("X-Forwarded-For", clientIp);
        return base.SendAsync(request, cancellationToken);
    }
}
