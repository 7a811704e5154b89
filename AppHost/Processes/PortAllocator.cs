using System.Net;
using System.Net.Sockets;

namespace Chatbot.AppHost.Processes;

/// <summary>Chooses ports: an explicit override, else the default, else (in test mode) a free port never handed out twice.</summary>
public sealed class PortAllocator(bool useFreePorts)
{
    // Process-wide: several applications started in parallel by one test run never get the same port.
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public int Allocate(string resource, int defaultPort, IReadOnlyDictionary<string, int> overrides)
    {
        if (overrides.TryGetValue(resource, out var port))
        {
            return Remember(port);
        }
        return useFreePorts ? GetFreePort() : Remember(defaultPort);
    }

    /// <summary>A port nothing listens on now and that this allocator has not handed out before.</summary>
    public int GetFreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Gate)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private int Remember(int port)
    {
        lock (Gate)
        {
            HandedOut.Add(port);
        }
        return port;
    }
}
