using Chatbot.Aspire.Testing;
using Microsoft.Playwright;

namespace Chatbot.Web.BrowserTests;

/// <summary>
/// identity + chat + inference-worker (simulator) as real processes from the test builder on real PostgreSQL, Redis and
/// RabbitMQ, in Development (the test builder default: no e-mail confirmation), and Debian's Chromium driven by
/// Playwright. The simulator is slowed down so a reply visibly streams, the worker's circuit breaker practically never
/// opens (one test makes the provider fail), and identity's login limit is small so a 429 is reachable.
/// </summary>
public sealed class BrowserSystemFixture : IAsyncLifetime
{
    public const int LoginLimit = 3;
    public const string ChromiumPath = "/usr/bin/chromium";
    private static int _nextAddress;

    private IPlaywright? _playwright;

    public DistributedApplication App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress => App.GetEndpoint("chat");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium`.");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices("identity", "chat", "inference-worker")
            .WithLoopbackClients()
            .WithEnvironment("identity", "Identity__RateLimits__Login__PermitLimit", LoginLimit.ToString())
            // The page is under test, not moderation: turns go straight to the worker (the echo drill would trip the
            // output guard's system-prompt check). Moderation's own end-to-end tests run the full path.
            .WithEnvironment("chat", "Moderation__Enabled", "false")
            .WithEnvironment("inference-worker", "Moderation__Output__Enabled", "false")
            .WithSimulatorPace(firstTokenMilliseconds: 200, tokensPerSecond: 10, replyTokens: 30)
            // The provider-failure test must not open the circuit breaker for the tests that follow it.
            .WithEnvironment("inference-worker", "Inference__Resilience__BreakerMinimumThroughput", "100000")
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        // Two shared cores: password hashing or a restarted service can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) whose requests carry their own client address in X-Forwarded-For (chat
    /// trusts loopback proxies in Development), so identity's per-IP limits count each test separately.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1200, int height = 800)
    {
        var address = $"198.51.100.{Interlocked.Increment(ref _nextAddress) % 250 + 1}";
        return await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = address },
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
