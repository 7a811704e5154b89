using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Aspire.Testing;

namespace Chatbot.Moderation.IntegrationTests.EndToEnd;

/// <summary>
/// identity + chat + moderation + inference-worker (simulator) as real processes from the test builder on real
/// PostgreSQL, Redis and RabbitMQ; callers get real tokens from identity through chat's origin.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices("identity", "chat", "moderation", "inference-worker")
            .WithEnvironment("inference-worker", "Inference__Simulator__FirstTokenLatencyMilliseconds", "20")
            .WithEnvironment("inference-worker", "Inference__Simulator__TokensPerSecond", "200")
            .WithEnvironment("moderation", "Moderation__Default__StageTimeout", "00:00:10")
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    public async Task<HttpClient> SignUpAsync()
    {
        using var origin = App.CreateHttpClient("chat");
        var email = $"user-{Guid.NewGuid():N}@example.test";
        const string password = "Correct-Horse-Battery-9!";
        var registered = await origin.PostAsJsonAsync("/api/account/register", new { email, password, tenantName = "moderation-e2e" });
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

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}
