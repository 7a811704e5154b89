using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chatbot.Doctor.Tests;

/// <summary>
/// Debian's dnsmasq (scripts/prerequisites.sh --dns) on a free loopback port, answering only the fake zones given on its
/// command line (<c>--local</c>: a name it does not know is NXDOMAIN, nothing is forwarded). Killed on dispose.
/// </summary>
public sealed class DnsmasqServer : IDisposable
{
    private readonly Process _process;

    private DnsmasqServer(Process process, IPEndPoint endpoint) => (_process, Endpoint) = (process, endpoint);

    public IPEndPoint Endpoint { get; }

    public static async Task<DnsmasqServer> StartAsync(IEnumerable<string> zoneArguments)
    {
        var binary = new[] { "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("dnsmasq is not installed: run scripts/prerequisites.sh with --dns (apt-get install dnsmasq-base).");
        var port = FreeUdpPort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var argument in (string[])["--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll",
                     "--listen-address=127.0.0.1", "--bind-interfaces", $"--port={port}", "--pid-file=", "--log-facility=-"])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var argument in zoneArguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dnsmasq did not start");
        var server = new DnsmasqServer(process, new IPEndPoint(IPAddress.Loopback, port));
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    /// <summary>A CNAME record's data in DNS wire format (length-prefixed labels), for <c>--dns-rr=name,5,data</c>.</summary>
    public static string WireName(string name) =>
        string.Concat(name.Split('.').Select(label => Convert.ToHexString([(byte)label.Length]) + Convert.ToHexString(Encoding.ASCII.GetBytes(label)))) + "00";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var resolver = DoctorHarness.Resolver(Endpoint);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dnsmasq exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                await resolver.QueryAsync("probe.invalid", DnsClient.QueryType.A);
                return;
            }
            catch (DnsClient.DnsResponseException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("dnsmasq did not answer within 10 s");
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
