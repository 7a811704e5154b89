namespace Chatbot.Load.Client;

/// <summary>
/// The load stands for many users behind one reverse proxy: every request carries <c>X-Forwarded-For</c> with the next of
/// 65,536 client addresses (10.x.y.z), so chat's and identity's per-IP windows count users, not the load tool. Chat
/// honours the header only from a trusted proxy: loopback in Development, which is how <c>./scripts/run.sh</c> runs it,
/// so no setting is changed for it. Elsewhere the header is ignored and every request counts against one address.
/// </summary>
public sealed class ClientAddressHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string Header = "X-Forwarded-For";
    private static int _next;

    public static string Next()
    {
        var n = (uint)Interlocked.Increment(ref _next) & 0xFFFF;
        return $"10.{n >> 8}.{n & 0xFF}.{1 + (n % 254)}";
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(Header);
        request.Headers.TryAddWithoutValidation(Header, Next());
        return base.SendAsync(request, cancellationToken);
    }
}
