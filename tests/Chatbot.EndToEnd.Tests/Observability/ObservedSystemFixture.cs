using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Chatbot.Aspire.Testing;
using Chatbot.TestSupport;

namespace Chatbot.EndToEnd.Tests.Observability;

/// <summary>
/// The whole topology with <c>--monitoring</c> (Prometheus scraping every service and exporter) and every service
/// exporting traces to <see cref="Traces"/>; a user then runs <see cref="Turns"/> turns through chat's origin, the first
/// of them with a trace id of the test's own (<see cref="TracedTurnId"/>), so the tests read what a few turns leave behind.
/// Two events a healthy run does not have are caused on purpose, because dashboard panels show them: one more turn whose
/// provider fails (the simulator's <c>[[sim:fail=500]]</c>: provider errors, a failed turn) and a message the worker
/// cannot read (<see cref="PoisonQueue"/>, moved by MassTransit to its <c>_error</c> queue: the dead-letter panel).
/// </summary>
public sealed class ObservedSystemFixture : IAsyncLifetime
{
    public const int Turns = 3;
    public const string PoisonQueue = "generate-reply";
    public static readonly string[] TurnServices = ["chat", "moderation", "inference-worker", "billing"];
    private const string Password = "Correct-Horse-Battery-9!";

    public DistributedApplication App { get; private set; } = null!;
    public OtlpTraceBodies Traces { get; } = new();
    public string TracedTurnId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(["--monitoring"], timeout.Token);
        foreach (var service in TurnServices.Append("identity"))
        {
            builder.WithEnvironment(service, "OTEL_EXPORTER_OTLP_ENDPOINT", Traces.EndpointFor(service))
                .WithEnvironment(service, "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment(service, "OTEL_BSP_SCHEDULE_DELAY", "500");
        }
        builder.WithEnvironment("inference-worker", "Inference__Simulator__FirstTokenLatencyMilliseconds", "20")
            .WithEnvironment("inference-worker", "Inference__Simulator__TokensPerSecond", "1000")
            .WithEnvironment("inference-worker", "Inference__Simulator__ReplyTokens", "40")
            // A loaded CI machine can take longer than the shipped 2 s for moderation's provider stage, which fails closed.
            .WithEnvironment("moderation", "Moderation__Provider__TimeoutMilliseconds", "20000");
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        Traces.Watch(TracedTurnId);
        await RunTurnsAsync();
        await PoisonAsync();
    }

    /// <summary>A body that is not a MassTransit envelope, sent to the worker's queue: the consumer's endpoint moves it to <c>generate-reply_error</c>.</summary>
    private async Task PoisonAsync()
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri((await App.GetConnectionStringAsync("rabbitmq"))!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new RabbitMQ.Client.BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync("", PoisonQueue, mandatory: true, properties, "not a message"u8.ToArray());
    }

    private async Task RunTurnsAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        using var origin = App.CreateHttpClient("chat");
        var registered = "";
        if (!await Eventually.TrueAsync(async () =>
            {
                using var response = await origin.PostAsJsonAsync("/api/account/register", new { email, password = Password, tenantName = "observed-e2e" });
                registered = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                return response.IsSuccessStatusCode;
            }, TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"Sign-up failed with {registered}\n{Logs("chat", "identity")}");
        }
        var signedIn = await PasswordSignIn.SignInAsync(origin, email, Password);
        using var client = App.CreateHttpClient("chat").WithBearer(signedIn.AccessToken);
        using var created = await client.PostAsJsonAsync("/api/conversations", new { title = "observed" });
        var conversation = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        List<Guid> replies = [];
        for (var turn = 0; turn < Turns; turn++)
        {
            using var send = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversation}/messages")
            {
                Content = JsonContent.Create(new { content = $"Turn {turn}: what do dashboards show?" }),
            };
            if (turn == 0)
            {
                send.Headers.Add("traceparent", $"00-{TracedTurnId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
            }
            using var sent = await client.SendAsync(send);
            if (sent.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Turn {turn} answered {(int)sent.StatusCode}: {await sent.Content.ReadAsStringAsync()}");
            }
            replies.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetGuid());
        }
        using var failing = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages",
            new { content = "A turn whose provider fails: [[sim:fail=500]]" });
        if (failing.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The failing turn answered {(int)failing.StatusCode}: {await failing.Content.ReadAsStringAsync()}");
        }
        var failedReply = (await failing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetGuid();
        var last = "";
        var completed = await Eventually.TrueAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/messages?limit=100");
            last = page.ToString();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            return items.Count(m => replies.Contains(m.GetProperty("id").GetGuid()) && m.GetProperty("status").GetString() == "completed") == replies.Count
                && items.Any(m => m.GetProperty("id").GetGuid() == failedReply && m.GetProperty("status").GetString() == "failed");
        }, TimeSpan.FromSeconds(120));
        if (!completed)
        {
            throw new InvalidOperationException($"The fixture's turns were never completed: {last}\n{Logs(TurnServices)}");
        }
    }

    private string Logs(params string[] services) =>
        string.Join('\n', services.Select(s => $"{s}:\n{string.Join('\n', App.GetLogLines(s).TakeLast(20))}"));

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await Traces.DisposeAsync();
    }
}
