using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Aspire.Testing;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Moderation.IntegrationTests.EndToEnd;

/// <summary>
/// identity + chat + moderation + inference-worker as real processes from the test builder on real PostgreSQL, Redis
/// and RabbitMQ; callers get real tokens from identity through chat's origin. The worker's only provider is
/// <see cref="FakeOpenAI"/> (an OpenAI-compatible server in the test that records what it received and echoes it).
/// Moderation's test-only fault switch makes the pii stage throw for inputs containing <see cref="FaultMarker"/>.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string FaultMarker = "[[fault:pii]]";
    public static readonly string[] Services = ["identity", "chat", "moderation", "inference-worker"];

    public DistributedApplication App { get; private set; } = null!;

    public FakeOpenAI Provider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Provider = await FakeOpenAI.StartAsync();
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices(Services)
            .WithLoopbackClients()
            .WithEnvironment("inference-worker", "Inference__Providers__0__Type", "OpenAICompatible")
            .WithEnvironment("inference-worker", "Inference__Providers__0__Name", "fake")
            .WithEnvironment("inference-worker", "Inference__Providers__0__Endpoint", Provider.BaseAddress.ToString())
            .WithEnvironment("inference-worker", "Inference__Providers__0__Model", "fake-model")
            // Every test signs up a user of its own from one address: more than the default 10 per 10 minutes.
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", "1000")
            .WithEnvironment("moderation", "Moderation__Default__StageTimeout", "00:00:10")
            .WithEnvironment("moderation", "Moderation__Faults__ThrowIn", "pii")
            .WithEnvironment("moderation", "Moderation__Faults__WhenInputContains", FaultMarker)
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    public async Task<HttpClient> SignUpAsync()
    {
        using var origin = App.CreateHttpClient("chat");
        var email = $"user-{Guid.NewGuid():N}@example.test";
        const string password = "Correct-Horse-Battery-9!";
        var registered = await origin.PostAsJsonAsync("/api/account/register", new { email, password, tenantName = $"moderation-e2e-{Guid.NewGuid():N}" });
        registered.EnsureSuccessStatusCode();
        var token = await origin.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "chatbot-web",
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        var client = App.CreateHttpClient("chat");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public async Task<Data.ModerationDbContext> ModerationDbAsync() =>
        new(new DbContextOptionsBuilder<Data.ModerationDbContext>().UseNpgsql(await App.GetConnectionStringAsync("moderationdb")).Options);

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}
