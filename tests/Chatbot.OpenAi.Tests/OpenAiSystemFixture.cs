using Chatbot.TestSupport;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Aspire.Testing;
using Npgsql;

namespace Chatbot.OpenAi.Tests;

/// <summary>
/// The whole topology (identity, chat, moderation, inference-worker with the simulator, billing) as real processes on
/// real PostgreSQL, Redis and RabbitMQ. Chat offers a second alias only enterprise callers may use, and a third
/// (<see cref="SecondModel"/>) that routes to a second simulator provider of the worker (<see cref="SecondProvider"/>).
/// </summary>
public sealed class OpenAiSystemFixture : IAsyncLifetime
{
    public const int MaxOutputTokens = 2000;
    public const string EnterpriseModel = "enterprise-only";
    public const string SecondModel = "second";
    public const string SecondProvider = "sim-b";
    public const string SecondProviderModel = "sim-b-model";
    private const string AdminEmail = "admin@chatbot.local";
    private const string Password = "Correct-Horse-Battery-9!";

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>chat's origin + <c>/v1</c>, where SDKs point.</summary>
    public Uri V1 => new(App.GetEndpoint("chat"), "/v1");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        App = await (await DistributedApplicationTestingBuilder.CreateAsync(cancellationToken: timeout.Token))
            .WithServices("identity", "chat", "moderation", "inference-worker", "billing")
            .WithLoopbackClients()
            .WithEnvironment("identity", "Identity__BootstrapAdmin__Password", Password)
            .WithEnvironment("identity", "Identity__RateLimits__Register__PermitLimit", "1000") // every test signs up its tenants
            .WithEnvironment("identity", "Identity__RateLimits__Login__PermitLimit", "1000")
            .WithEnvironment("chat", "Chat__MaxOutputTokens", MaxOutputTokens.ToString(CultureInfo.InvariantCulture)) // echoes fit
            .WithEnvironment("chat", "OpenAi__Models__1__Id", EnterpriseModel)
            .WithEnvironment("chat", "OpenAi__Models__1__OwnedBy", "simulator")
            .WithEnvironment("chat", "OpenAi__Models__1__Tiers__0", "enterprise")
            .WithEnvironment("chat", "OpenAi__Models__0__Provider", "simulator")
            .WithEnvironment("chat", "OpenAi__Models__2__Id", SecondModel)
            .WithEnvironment("chat", "OpenAi__Models__2__Provider", SecondProvider)
            .WithEnvironment("inference-worker", "Inference__Providers__1__Type", "Simulator")
            .WithEnvironment("inference-worker", "Inference__Providers__1__Name", SecondProvider)
            .WithEnvironment("inference-worker", "Inference__Providers__1__Model", SecondProviderModel)
            .WithSimulatorPace(firstTokenMilliseconds: 20, tokensPerSecond: 1000, replyTokens: 40)
            // The outage test fails one request three times (retries): with the default minimum throughput (5) and a few
            // other turns in the same 30 s the breaker would open and fail unrelated tests.
            .WithEnvironment("inference-worker", "Inference__Resilience__BreakerMinimumThroughput", "1000")
            // [[sim:echo]] answers with the whole context, platform prompt included, which the output guard rightly cuts
            // as a leak; the tests read the echo to see what the model got. Input moderation stays on.
            .WithEnvironment("inference-worker", "Moderation__Output__Enabled", "false")
            .BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await WarmUpAsync(timeout.Token);
    }

    /// <summary>
    /// One turn through every service before the tests: a cold moderation (detector models loading) fails a turn
    /// closed ("could not be checked"), which would fail whichever test came first.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken ct)
    {
        using var caller = await SignUpAsync();
        using var client = App.CreateHttpClient("chat");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.ApiKey);
        while (true)
        {
            using var answer = await client.PostAsJsonAsync("/v1/chat/completions",
                new { model = "default", messages = new[] { new { role = "user", content = "warm up" } } }, ct);
            if (answer.IsSuccessStatusCode)
            {
                return;
            }
            await Task.Delay(500, ct);
        }
    }

    /// <summary>
    /// A new user in a new tenant, signed in, with an API key of that tenant. The tenant's moderation policy gets a stage
    /// timeout of 5 s (a loaded test machine overran the default and the input was failed closed) and, when given,
    /// <paramref name="moderationActions"/> (category → allow | flag | mask | block).
    /// </summary>
    public async Task<Caller> SignUpAsync(Dictionary<string, string>? moderationActions = null)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        using var origin = App.CreateHttpClient("chat");
        using var registered = await origin.PostAsJsonAsync("/api/account/register", new { email, password = Password, tenantName = "openai-e2e" });
        Assert.True(registered.IsSuccessStatusCode, $"register: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        var (client, token, userId, tenantId) = await SignInAsync(email);
        var created = await client.PostAsJsonAsync("/api/tenant/api-keys", new { name = "sdk" });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, body);
        var policy = await client.PutAsJsonAsync("/api/moderation/policy", new { stageTimeoutMilliseconds = 5000, actions = moderationActions });
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync());
        return new Caller(client, token, JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!, userId, tenantId);
    }

    public async Task<Caller> SignInAdminAsync()
    {
        var (client, token, userId, tenantId) = await SignInAsync(AdminEmail);
        return new Caller(client, token, "", userId, tenantId);
    }

    /// <summary>A conversation of <paramref name="caller"/>, made through <c>/api</c>.</summary>
    public static async Task<Guid> CreateConversationAsync(Caller caller)
    {
        var created = await caller.Client.PostAsJsonAsync("/api/conversations", new { title = "openai" });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The ledger row of a reply once billing settled it (waits up to 30 s), or null.</summary>
    public async Task<LedgerRow?> LedgerRowAsync(Guid replyId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        await using var connection = new NpgsqlConnection(await App.GetConnectionStringAsync("billingdb"));
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT tenant_id, user_id, conversation_id, input_tokens, output_tokens, cost FROM usage_entries WHERE reply_id = @reply", connection);
            command.Parameters.AddWithValue("reply", replyId);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                if (await reader.ReadAsync())
                {
                    return new LedgerRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetDecimal(5));
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                return null;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The reply id inside a completion id (<c>chatcmpl-{replyId:N}</c>).</summary>
    public static Guid ReplyIdOf(string completionId) => Guid.ParseExact(completionId["chatcmpl-".Length..], "N");

    public static Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(condition, timeout);

    private async Task<(HttpClient, string, Guid, Guid)> SignInAsync(string email)
    {
        using var origin = App.CreateHttpClient("chat");
        var signedIn = await PasswordSignIn.SignInAsync(origin, email, Password);
        return (App.CreateHttpClient("chat").WithBearer(signedIn.AccessToken), signedIn.AccessToken, signedIn.UserId, signedIn.TenantId);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
