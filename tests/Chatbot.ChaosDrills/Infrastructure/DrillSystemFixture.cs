using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Aspire.Testing;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>
/// identity, chat, inference-worker (two instances) and billing as real processes on real PostgreSQL, Redis and RabbitMQ.
/// The worker's provider chain is two simulators, <c>primary</c> then <c>fallback</c>; moderation is not started
/// (turns go straight to the worker). Plans are unlimited so the drills measure faults, not quotas.
/// </summary>
public class DrillSystemFixture : IAsyncLifetime
{
    private readonly int _workerSlots;
    private readonly int? _waitingRoom;

    public DrillSystemFixture()
        : this(workerSlots: 256, waitingRoom: null)
    {
    }

    /// <param name="workerSlots">Provider slots per worker (<c>MaxConcurrentRequests</c>).</param>
    /// <param name="waitingRoom">Turns one worker holds waiting (<c>Inference:Queue:Capacity</c>); null: the service's default.</param>
    protected DrillSystemFixture(int workerSlots, int? waitingRoom)
    {
        _workerSlots = workerSlots;
        _waitingRoom = waitingRoom;
    }

    public const string PrimaryProvider = "primary";
    public const string FallbackProvider = "fallback";
    public const string Worker = "inference-worker";
    private const string AdminEmail = "admin@chatbot.local";
    private const string Password = "Correct-Horse-Battery-9!";

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices("identity", "chat", Worker, "billing")
            .WithLoopbackClients("Free", "Pro", "Enterprise")
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", Password)
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", "1000") // every drill signs up its own users
            .WithEnvironment("identity", "Identity__RateLimits__Login__PermitLimit", "1000")
            .WithEnvironment("chat", "Moderation__Enabled", "false")
            .WithEnvironment("chat", "Chat__MaxOutputTokens", "64")
            // Two workers hold all 500 replies of the kill drill at once; one worker alone backs up under the 429 storm.
            .WithEnvironment(Worker, "Inference__Providers__0__MaxConcurrentRequests", _workerSlots.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSimulatorPace(firstTokenMilliseconds: 100, tokensPerSecond: 40, replyTokens: 20);
        foreach (var (index, name) in new[] { (0, PrimaryProvider), (1, FallbackProvider) })
        {
            builder.WithEnvironment(Worker, $"Inference__Providers__{index}__Type", "Simulator")
                .WithEnvironment(Worker, $"Inference__Providers__{index}__Name", name)
                .WithEnvironment(Worker, $"Inference__Providers__{index}__InputPricePerMillion", "0.15")
                .WithEnvironment(Worker, $"Inference__Providers__{index}__OutputPricePerMillion", "0.60")
                .WithEnvironment(Worker, $"Inference__Providers__{index}__TimeoutSeconds", "30");
        }
        if (_waitingRoom is { } waiting)
        {
            builder.WithEnvironment(Worker, "Inference__Queue__Capacity", waiting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await MakeEveryPlanUnlimitedAsync();
    }

    /// <summary>Registers a new user in a new tenant and returns a chat client carrying its access token.</summary>
    public async Task<ChatUser> SignUpAsync()
    {
        var email = $"drill-{Guid.NewGuid():N}@example.test";
        using var origin = App.CreateHttpClient("chat");
        var registered = await origin.PostAsJsonAsync("/api/account/register", new { email, password = Password, tenantName = "drill" });
        registered.EnsureSuccessStatusCode();
        return new ChatUser(await LogInAsync(email));
    }

    /// <summary>Waits until <paramref name="resource"/> is running and healthy again (after a start or a crash restart).</summary>
    public Task WaitHealthyAsync(string resource, TimeSpan timeout) =>
        App.ResourceNotifications.WaitForResourceHealthyAsync(resource).WaitAsync(timeout);

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    private async Task<HttpClient> LogInAsync(string email)
    {
        using var origin = App.CreateHttpClient("chat");
        using var token = await origin.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = Password, ["client_id"] = "chatbot-web",
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, $"log-in failed: {(int)token.StatusCode} {body}");
        var client = App.CreateHttpClient("chat");
        client.Timeout = TimeSpan.FromMinutes(2);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    private async Task MakeEveryPlanUnlimitedAsync()
    {
        using var admin = await LogInAsync(AdminEmail);
        foreach (var tier in (string[])["free", "pro", "enterprise"])
        {
            using var response = await admin.PutAsJsonAsync($"/api/billing/plans/{tier}",
                new { userTokensPerDay = (long?)null, tenantTokensPerDay = (long?)null, requestsPerMinute = (int?)null, monthlyBudgetUsd = (decimal?)null });
            Assert.True(response.IsSuccessStatusCode, $"PUT plan {tier}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
