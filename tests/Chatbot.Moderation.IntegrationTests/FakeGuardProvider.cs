using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>
/// A provider on a loopback Kestrel port answering <c>/v1/moderations</c> (OpenAI's shape) and
/// <c>/v1/chat/completions</c> (a guard model's <c>safe</c> / <c>unsafe\nS14</c>) as <see cref="Answer"/> says: flag,
/// pass, hang for 30 s, or 503. Every input it received is kept.
/// </summary>
public sealed class FakeGuardProvider : IAsyncDisposable
{
    public enum Behaviour { Flag, Pass, Hang, ServerError, Nonsense }

    private readonly WebApplication app;

    private FakeGuardProvider(WebApplication app) => this.app = app;

    public Behaviour Answer { get; set; } = Behaviour.Pass;

    public ConcurrentQueue<string> Inputs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeGuardProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeGuardProvider(builder.Build());
        fake.app.MapPost("/v1/moderations", async (ModerationRequest request, CancellationToken ct) =>
            await fake.RespondAsync(request.Input, () => Results.Json(new
            {
                id = "modr-fake",
                results = new[]
                {
                    new
                    {
                        flagged = fake.Answer == Behaviour.Flag,
                        categories = new Dictionary<string, bool> { ["violence"] = fake.Answer == Behaviour.Flag },
                        category_scores = new Dictionary<string, double> { ["violence"] = fake.Answer == Behaviour.Flag ? 0.93 : 0.02 },
                    },
                },
            }), ct));
        fake.app.MapPost("/v1/chat/completions", async (ChatRequest request, CancellationToken ct) =>
            await fake.RespondAsync(request.Messages[^1].Content, () => Results.Json(new
            {
                id = "chatcmpl-fake",
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        message = new { role = "assistant", content = fake.Answer switch
                        {
                            Behaviour.Flag => "unsafe\nS14",
                            Behaviour.Nonsense => "I am not sure.",
                            _ => "safe",
                        } },
                    },
                },
            }), ct));
        await fake.app.StartAsync();
        var address = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/v1");
        return fake;
    }

    private async Task<IResult> RespondAsync(string input, Func<IResult> answer, CancellationToken cancellationToken)
    {
        Inputs.Enqueue(input);
        if (Answer == Behaviour.Hang) await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return Answer == Behaviour.ServerError ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : answer();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed record ModerationRequest(string Model, string Input);

    private sealed record ChatRequest(string Model, ChatMessage[] Messages);

    private sealed record ChatMessage(string Role, string Content);
}
