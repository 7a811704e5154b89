using Chatbot.Simulator;
using Chatbot.InferenceWorker.Usage;
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

    public static IReadOnlyList<SimulatedMessage> Prompt(string user) =>
        [new("system", "You are helpful."), new("user", user)];

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
