using System.Collections.Concurrent;
using Chatbot.Aspire.Testing;
using StackExchange.Redis;

namespace Chatbot.SecurityDrills.Harness;

/// <summary>
/// The whole system (identity, chat, moderation, inference-worker with the simulator, billing) as real processes on
/// real PostgreSQL, Redis and RabbitMQ, with the route-table export on, and tenant A's resources created once.
/// </summary>
public sealed class SecuritySystemFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@chatbot.local";
    public static readonly string AdminPassword = $"Adm-{Guid.NewGuid():N}-7!";

    /// <summary>Chat does not trust loopback as a proxy here, so the test client is an untrusted internet peer.</summary>
    public const string ChatTrustedProxy = "192.0.2.1";

    public static readonly string[] Services = ["identity", "chat", "inference-worker", "moderation", "billing"];

    private readonly ConcurrentBag<string> _secrets = [AdminPassword];

    public DistributedApplication App { get; private set; } = null!;

    public Uri Origin => App.GetEndpoint("chat");

    public TenantAWorld TenantA { get; private set; } = null!;

    public ApiUser TenantB { get; private set; } = null!;

    public ApiUser PlatformAdmin { get; private set; } = null!;

    /// <summary>Every password, token, key and code the drills used: none may reach a log line.</summary>
    public IReadOnlyCollection<string> Secrets => _secrets;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token);
        foreach (var service in Services)
        {
            builder.WithEnvironment(service, "Diagnostics__ExposeRouteTable", "true");
        }
        App = await builder
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", AdminPassword)
            // The drills sign up more users than a person would; login keeps its real limit (the bypass drill needs it).
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", "1000")
            .WithEnvironment("identity", "Identity__RateLimits__Verification__PermitLimit", "1000")
            .WithEnvironment("identity", "Identity__RateLimits__PasswordReset__PermitLimit", "1000")
            .WithEnvironment("chat", "ForwardedHeaders__KnownProxies__0", ChatTrustedProxy)
            .WithLoopbackClients()
            .WithSimulatorPace(firstTokenMilliseconds: 20, tokensPerSecond: 400, replyTokens: 20)
            .WithEnvironment("moderation", "Moderation__Default__StageTimeout", "00:00:10")
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);

        var accounts = new Accounts(Origin, Remember);
        PlatformAdmin = await accounts.LogInAsync(AdminEmail, AdminPassword);
        TenantA = await new TenantAWorldBuilder(Origin, accounts, Remember).BuildAsync();
        TenantB = await accounts.SignUpAsync("tenant-b");
    }

    public Accounts Accounts() => new(Origin, Remember);

    public HttpClient Anonymous(string service = "chat") =>
        new() { BaseAddress = App.GetEndpoint(service), Timeout = TimeSpan.FromSeconds(60) };

    public void Remember(string secret) => _secrets.Add(secret);

    /// <summary>Clears identity's per-IP login counters (all drills log in from one address).</summary>
    public async Task ResetLoginLimitsAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await App.GetConnectionStringAsync("redis"))!);
        foreach (var key in redis.GetServers()[0].Keys(pattern: LoginCounters))
        {
            await redis.GetDatabase().KeyDeleteAsync(key);
        }
    }

    /// <summary>Identity's login counters in Redis (IpRateLimiter's keys).</summary>
    public const string LoginCounters = "chatbot:ratelimit:identity:login:*";

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
