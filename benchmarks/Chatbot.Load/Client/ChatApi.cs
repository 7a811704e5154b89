using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Load.Metrics;

namespace Chatbot.Load.Client;

/// <summary>The public chat API as a load client sees it, every call timed into a <see cref="Recorder"/>.
/// One instance (one connection pool) serves all virtual users; each call carries its account's token.</summary>
public sealed class ChatApi(HttpClient http, Recorder recorder)
{
    public const string Password = "Correct-Horse-Battery-9!";

    public HttpClient Http => http;

    public Recorder Recorder => recorder;

    /// <summary>A client of chat's origin whose requests come from many client addresses (<see cref="ClientAddressHandler"/>).</summary>
    public static HttpClient CreateHttpClient(Uri chat) => new(new ClientAddressHandler(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    }))
    { BaseAddress = chat, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Signs up a new user (and tenant) through chat's origin, then logs in with the password grant.</summary>
    public async Task<Account> SignUpAsync(string prefix, CancellationToken ct)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.test";
        await recorder.TimeAsync(Steps.SignUp, async () =>
        {
            using var response = await http.PostAsJsonAsync("/api/account/register", new { email, password = Password, tenantName = prefix }, ct);
            return Expect(response, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted);
        }, ct);
        return await LogInAsync(email, Password, ct);
    }

    public Task<Account> LogInAsync(string email, string password, CancellationToken ct) =>
        recorder.TimeAsync(Steps.LogIn, async () =>
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["username"] = email, ["password"] = password, ["client_id"] = "chatbot-web",
            });
            using var response = await http.PostAsync("/connect/token", content, ct);
            Expect(response, HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return new Account(email, body.RootElement.GetProperty("access_token").GetString()!);
        }, ct);

    public Task<Guid> CreateConversationAsync(Account account, CancellationToken ct) =>
        recorder.TimeAsync(Steps.CreateConversation, async () =>
        {
            using var request = Request(HttpMethod.Post, "/api/conversations", account, JsonContent.Create(new { title = "load" }));
            using var response = await http.SendAsync(request, ct);
            Expect(response, HttpStatusCode.Created, HttpStatusCode.OK);
            return (await JsonAsync(response, ct)).GetProperty("id").GetGuid();
        }, ct);

    /// <summary>POST a message (expects 202); returns the reply's stream URL.</summary>
    public Task<string> SendMessageAsync(Account account, Guid conversation, string content, CancellationToken ct) =>
        recorder.TimeAsync(Steps.SendMessage, async () =>
        {
            using var request = Request(HttpMethod.Post, $"/api/conversations/{conversation}/messages", account, JsonContent.Create(new { content }));
            using var response = await http.SendAsync(request, ct);
            Expect(response, HttpStatusCode.Accepted);
            return (await JsonAsync(response, ct)).GetProperty("streamUrl").GetString()!;
        }, ct);

    public Task<bool> ListConversationsAsync(Account account, CancellationToken ct) =>
        recorder.TimeAsync(Steps.ListConversations, async () =>
        {
            using var request = Request(HttpMethod.Get, "/api/conversations?limit=20", account);
            using var response = await http.SendAsync(request, ct);
            Expect(response, HttpStatusCode.OK);
            await response.Content.ReadAsByteArrayAsync(ct);
            return true;
        }, ct);

    /// <summary>One chat turn: POST, then the reply's SSE stream read to its <c>done</c> event. First token and
    /// completion are timed from the start of the POST, as a user sees them.</summary>
    public async Task TurnAsync(Account account, Guid conversation, string content, StreamGauge? gauge, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var streamUrl = await SendMessageAsync(account, conversation, content, ct);
        using var request = Request(HttpMethod.Get, streamUrl, account);
        await new ReplyStreamReader(http, recorder, gauge).ReadAsync(request, started, ct);
    }

    internal static HttpRequestMessage Request(HttpMethod method, string path, Account account, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return request;
    }

    internal static bool Expect(HttpResponseMessage response, params HttpStatusCode[] expected) =>
        expected.Contains(response.StatusCode) ? true : throw new StepFailedException($"HTTP {(int)response.StatusCode}");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.Clone();
    }
}
