using DnsClient;

namespace Chatbot.Doctor;

/// <summary>The real HTTP client (no redirects, no cookies, the system's trusted CAs) and resolver (the system's or <c>--dns-server</c>).</summary>
public static class DoctorClients
{
    public static HttpClient Http(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each request has the doctor's own timeout
            DefaultRequestHeaders = { { "User-Agent", "chatbot-doctor/1" } },
        };

    public static IDnsQuery Dns(DoctorOptions options)
    {
        var settings = options.DnsServer is { } server ? new LookupClientOptions(server) : new LookupClientOptions();
        settings.UseCache = false;
        settings.Timeout = TimeSpan.FromSeconds(3);
        settings.Retries = 1;
        settings.ThrowDnsErrors = false;
        return new LookupClient(settings);
    }
}
