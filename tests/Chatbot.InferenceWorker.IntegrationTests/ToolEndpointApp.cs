using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>
/// The tenant's side of tool calls in a test: a small Kestrel app on a loopback port. Each path answers with the text the
/// test set for it and records what it received (body, signature headers, when).
/// </summary>
public sealed class ToolEndpointApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> answers = new();

    public ConcurrentQueue<ReceivedCall> Received { get; } = new();
    public string BaseUrl { get; }

    private ToolEndpointApp(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<ToolEndpointApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        ToolEndpointApp? self = null;
        web.MapPost("/{name}", async (string name, HttpContext http) =>
        {
            var at = Stopwatch.GetTimestamp();
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Received.Enqueue(new ReceivedCall(name, body, http.Request.Headers["X-Chatbot-Signature"].ToString(),
                http.Request.Headers["X-Chatbot-Timestamp"].ToString(), at));
            return Results.Text(self.answers.GetValueOrDefault(name, "{\"ok\":true}"), "application/json");
        });
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new ToolEndpointApp(web, address.TrimEnd('/'));
        return self;
    }

    public string Url(string name) => $"{BaseUrl}/{name}";

    public void Answer(string name, string body) => answers[name] = body;

    public IReadOnlyList<ReceivedCall> CallsOf(string name) => [.. Received.Where(c => c.Name == name)];

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public sealed record ReceivedCall(string Name, string Body, string Signature, string Timestamp, long ReceivedAt);
}
