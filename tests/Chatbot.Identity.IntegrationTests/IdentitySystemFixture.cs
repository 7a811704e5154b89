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
    public const int RegisterLimit = 10;
    public const int LoginLimit = 20;
    public const int VerificationLimit = 10;
    public const int PasswordResetLimit = 3;
    private int _nextAddress = 1;
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
            .WithLoopbackClients()
            .WithEnvironment("identity", "Identity__Email__PickupDirectory", MailFolder)
            .WithEnvironment("identity", "Identity__RequireConfirmedEmail", "true")
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", RegisterLimit.ToString())
            .WithEnvironment("identity", "Identity__RateLimits__Login__PermitLimit", LoginLimit.ToString())
            .WithEnvironment("identity", "Identity__RateLimits__Verification__PermitLimit", VerificationLimit.ToString())
            .WithEnvironment("identity", "Identity__RateLimits__PasswordReset__PermitLimit", PasswordResetLimit.ToString())
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Email", AdminEmail)
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", AdminPassword)
            .WithEnvironment("chat", "ForwardedHeaders__KnownProxies__0", "192.0.2.10");
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    /// <summary>
    /// A client of the chat origin whose connections come from its own loopback address (127.0.x.y), so the per-IP
    /// limits it spends are its own: identity limits on the address chat saw on the socket, whatever X-Forwarded-For says.
    /// </summary>
    public ChatOrigin CreateClient()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        var source = new IPAddress([127, 0, (byte)(n / 250), (byte)(2 + n % 250)]);
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

    private readonly Lock _replicaLock = new();
    private Task<Uri>? _secondChat;

    /// <summary>A second chat process on its own port (same databases, Redis and RabbitMQ), started once.</summary>
    public Task<Uri> GetOrStartSecondChatReplicaAsync()
    {
        lock (_replicaLock)
        {
            return _secondChat ??= App.StartReplicaAsync("chat");
        }
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
