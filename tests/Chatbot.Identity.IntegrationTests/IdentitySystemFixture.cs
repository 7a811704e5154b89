using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Chatbot.Aspire.Testing;

namespace Chatbot.Identity.IntegrationTests;

/// <summary>
/// identity + chat as real processes on real PostgreSQL, Redis and RabbitMQ, started once for every test class.
/// Chat trusts no proxy (so a test's X-Forwarded-For is a spoof); identity trusts chat (loopback, Development).
/// </summary>
public sealed class IdentitySystemFixture : IAsyncLifetime
{
    public const int PasswordResetLimit = 3;
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "chatbot-identity-tests-" + Guid.NewGuid().ToString("N"));
    public string AdminEmail { get; } = $"root-{Guid.NewGuid():N}@platform.test";
    public string AdminPassword { get; } = "Adm1n-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(MailFolder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token);
        builder.WithServices("identity", "chat")
            .WithEnvironment("identity", "Identity__Email__PickupDirectory", MailFolder)
            .WithEnvironment("identity", "Identity__RequireConfirmedEmail", "true")
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", "1000")
            .WithEnvironment("identity", "Identity__RateLimits__Login__PermitLimit", "1000")
            .WithEnvironment("identity", "Identity__RateLimits__Verification__PermitLimit", "1000")
            .WithEnvironment("identity", "Identity__RateLimits__PasswordReset__PermitLimit", PasswordResetLimit.ToString())
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Email", AdminEmail)
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", AdminPassword)
            .WithEnvironment("chat", "ForwardedHeaders__KnownProxies__0", "192.0.2.10");
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    public ChatOrigin CreateClient() => new(App.CreateHttpClient("chat"), new MailFolder(MailFolder));

    /// <summary>
    /// A client whose connections come from its own loopback address (127.0.0.2-254), so per-IP limits it spends are
    /// its own: the address identity limits on is the one chat saw on the socket, whatever X-Forwarded-For says.
    /// </summary>
    public ChatOrigin CreateClientFromOwnAddress()
    {
        var source = new IPAddress([127, 0, 0, (byte)Random.Shared.Next(2, 255)]);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new ChatOrigin(new HttpClient(handler) { BaseAddress = App.GetEndpoint("chat") }, new MailFolder(MailFolder));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
