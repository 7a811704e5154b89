using System.Collections.Concurrent;
using Chatbot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>
/// A provider on a loopback Kestrel port answering <c>/v1/moderations</c> (OpenAI's shape) and
/// <c>/v1/chat/completions</c> (a guard model's <c>safe</c> / <c>unsafe\nS14</c>) as <see cref="Answer"/> says: flag,
/// pass, hang for 30 s, or 503. Every input it received is kept.
/// </summary>
public sealed class FakeGuardProvider : IAsyncDisposable
{
    public enum Behaviour { Flag, Pass, Hang, ServerError, Nonsense }

    private LoopbackServer server = null!;

    public Behaviour Answer { get; set; } = Behaviour.Pass;

    public ConcurrentQueue<string> Inputs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeGuardProvider> StartAsync()
    {
        var fake = new FakeGuardProvider();
        fake.server = await LoopbackServer.StartAsync(app => fake.Map(app));
        fake.BaseAddress = new Uri(fake.server.Address + "v1");
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/moderations", async (ModerationRequest request, CancellationToken ct) =>
            await RespondAsync(request.Input, () => Results.Json(new
            {
                id = "modr-fake",
                results = new[]
                {
                    new
                    {
                        flagged = Answer == Behaviour.Flag,
                        categories = new Dictionary<string, bool> { ["violence"] = Answer == Behaviour.Flag },
                        category_scores = new Dictionary<string, double> { ["violence"] = Answer == Behaviour.Flag ? 0.93 : 0.02 },
                    },
                },
            }), ct));
        app.MapPost("/v1/chat/completions", async (ChatRequest request, CancellationToken ct) =>
            await RespondAsync(request.Messages[^1].Content, () => Results.Json(new
            {
                id = "chatcmpl-fake",
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        message = new { role = "assistant", content = Answer switch
                        {
                            Behaviour.Flag => "unsafe\nS14",
                            Behaviour.Nonsense => "I am not sure.",
                            _ => "safe",
                        } },
                    },
                },
            }), ct));
    }

    private async Task<IResult> RespondAsync(string input, Func<IResult> answer, CancellationToken cancellationToken)
    {
        Inputs.Enqueue(input);
        if (Answer == Behaviour.Hang) await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return Answer == Behaviour.ServerError ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : answer();
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private sealed record ModerationRequest(string Model, string Input);

    private sealed record ChatRequest(string Model, ChatMessage[] Messages);

    private sealed record ChatMessage(string Role, string Content);
}
