using System.Net;
using System.Net.Sockets;

namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on (bound then released).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
