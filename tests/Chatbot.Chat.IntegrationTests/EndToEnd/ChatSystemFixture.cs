using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Aspire.Testing;

namespace Chatbot.Chat.IntegrationTests.EndToEnd;

/// <summary>
/// identity + chat + inference-worker (simulator provider) as real processes from the test builder, on real PostgreSQL,
/// Redis and RabbitMQ. Callers get real access tokens from identity through chat's single public origin.
/// </summary>
public sealed class ChatSystemFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices("identity", "chat", "inference-worker")
            .WithLoopbackClients()
            .WithEnvironment("chat", "Moderation__Enabled", "false") // moderation is not started here: turns go straight to the worker
            // The simulator-scripted evaluation set (EvaluationGateEndToEndTests), instead of the committed ones.
            .WithEnvironment("chat", "Chat__Evaluation__SetsPath", Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Evaluations"))
            .WithSimulatorPace(firstTokenMilliseconds: 50, tokensPerSecond: 40, replyTokens: 40)
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    /// <summary>Registers a new user (and tenant) and returns a client for <paramref name="service"/> carrying its token.</summary>
    public async Task<HttpClient> SignUpAsync(string service = "chat")
    {
        using var origin = App.CreateHttpClient("chat");
        var email = $"user-{Guid.NewGuid():N}@example.test";
        const string password = "Correct-Horse-Battery-9!";
        var registered = await origin.PostAsJsonAsync("/api/account/register", new { email, password, tenantName = "e2e" });
        registered.EnsureSuccessStatusCode();
        var token = await origin.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "chatbot-web",
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        var client = App.CreateHttpClient(service);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
