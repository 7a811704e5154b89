using System.Globalization;
using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Sut;

namespace Chatbot.Load.Scenarios;

/// <summary>What every scenario shares: the options, the system under test, one connection pool and the accounts.</summary>
public sealed class LoadContext(LoadOptions options, SystemUnderTest system) : IDisposable
{
    private readonly HttpClient _http = ChatApi.CreateHttpClient(system.Chat);
    private readonly List<Account> _accounts = [];
    private bool _limitsLifted;

    public LoadOptions Options => options;

    public SystemUnderTest System => system;

    public HttpClient Http => _http;

    public ChatApi Api(Recorder recorder) => new(_http, recorder);

    /// <summary>At least <paramref name="count"/> signed-up accounts (created once, reused by later scenarios), sign-ups
    /// timed into <paramref name="recorder"/>. Password hashing makes a sign-up cost about a second of identity's CPU,
    /// so virtual users share accounts (<c>--accounts</c>) rather than each signing up.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(int count, Recorder recorder, CancellationToken ct)
    {
        var api = Api(recorder);
        if (!_limitsLifted && system.AdminPasswordFile is { } passwordFile)
        {
            _limitsLifted = true;
            Console.WriteLine(await PlanLimits.LiftAsync(api, passwordFile, ct)
                ? "free plan limits lifted in billing for the run"
                : "warning: could not lift the free plan's limits in billing; quota refusals will show as HTTP 429");
        }
        while (_accounts.Count < count)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(4, count - _accounts.Count)).Select(_ => api.SignUpAsync("load", ct)));
            _accounts.AddRange(batch);
        }
        return _accounts.Take(count).ToList();
    }

    /// <summary>A message carrying simulator directives: the options' <c>--sim-*</c> values override the scenario's.</summary>
    public string Message(string text, double latencyMs, double tokensPerSecond, int tokens) =>
        $"{text} [[sim:latency={Number(options.Double("sim-latency", latencyMs))};tps={Number(options.Double("sim-tps", tokensPerSecond))};tokens={Number(options.Double("sim-tokens", tokens))}]]";

    public void Dispose() => _http.Dispose();

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
