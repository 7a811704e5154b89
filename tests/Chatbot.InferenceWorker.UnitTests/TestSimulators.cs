using Chatbot.Simulator;
using Chatbot.InferenceWorker.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.UnitTests;

internal static class TestSimulators
{
    public static readonly O200kTokenCounter Counter = new();

    public static ProviderSimulator Create(Action<SimulatorOptions>? configure = null, ITokenCounter? counter = null)
    {
        var options = new SimulatorOptions { FirstTokenLatencyMilliseconds = 0, TokensPerSecond = 0, ReplyTokens = 12, Seed = 7 };
        configure?.Invoke(options);
        return new ProviderSimulator(new StaticOptionsMonitor<SimulatorOptions>(options), counter ?? Counter);
    }

    /// <summary>
    /// The simulator's HTTP face (<see cref="SimulatorApi"/>) on a loopback port, where an OpenAI-compatible provider
    /// points; <paramref name="before"/> adds middleware in front of its routes (e.g. to record request bodies).
    /// </summary>
    public static async Task<WebApplication> StartHttpAsync(ProviderSimulator simulator, Action<WebApplication>? before = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(simulator);
        var app = builder.Build();
        before?.Invoke(app);
        app.MapSimulatorApi();
        await app.StartAsync();
        return app;
    }

    public static IReadOnlyList<SimulatedMessage> Prompt(string user) =>
        [new("system", "You are helpful."), new("user", user)];

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
