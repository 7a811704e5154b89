using System.Globalization;
using Chatbot.Load.Client;
using Chatbot.Load.Metrics;
using Chatbot.Load.Sut;
using Chatbot.Load.Tracing;

namespace Chatbot.Load.Scenarios;

/// <summary>What every scenario shares: the options, the system under test, one connection pool and the accounts.</summary>
public sealed class LoadContext(LoadOptions options, SystemUnderTest system, OtlpTraceReceiver? traces = null) : IDisposable
{
    private readonly HttpClient _http = ChatApi.CreateHttpClient(system.Chat);
    private readonly List<Account> _accounts = [];
    private readonly SemaphoreSlim _accountsLock = new(1, 1);
    private Operator? _operator;
    private bool _operatorTried;

    public LoadOptions Options => options;

    public SystemUnderTest System => system;

    public HttpClient Http => _http;

    /// <summary>The spans the services export with <c>--trace</c>, else null.</summary>
    public OtlpTraceReceiver? Traces => traces;

    public ChatApi Api(Recorder recorder) => new(_http, recorder);

    /// <summary>At least <paramref name="count"/> signed-up accounts (created once, reused by later scenarios), sign-ups
    /// timed into <paramref name="recorder"/>. Password hashing makes a sign-up cost about a second of identity's CPU,
    /// so virtual users share accounts (<c>--accounts</c>) rather than each signing up.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(int count, Recorder recorder, CancellationToken ct)
    {
        var api = Api(recorder);
        await _accountsLock.WaitAsync(ct);
        try
        {
            if (!_operatorTried && system.AdminPasswordFile is { } passwordFile)
            {
                _operatorTried = true;
                _operator = await Operator.LogInAsync(api, passwordFile, ct);
                Console.WriteLine(await _operator.LiftPlansAsync(ct)
                    ? Operator.Changes
                    : "warning: could not lift billing's plan limits; quota refusals will show as HTTP 429");
            }
            while (_accounts.Count < count)
            {
                var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(4, count - _accounts.Count)).Select(async _ =>
                {
                    var account = await api.SignUpAsync("load", ct);
                    return _operator is null ? account : await _operator.PromoteAsync(account, ct);
                }));
                _accounts.AddRange(batch);
            }
            return _accounts.Take(count).ToList();
        }
        finally
        {
            _accountsLock.Release();
        }
    }

    /// <summary>The accounts again with fresh tokens (an access token lives 15 minutes by default; a long run outlasts it).</summary>
    public async Task<IReadOnlyList<Account>> RenewAsync(IReadOnlyList<Account> accounts, Recorder recorder, CancellationToken ct)
    {
        var api = Api(recorder);
        return await Task.WhenAll(accounts.Select(a => api.LogInAsync(a.Email, ChatApi.Password, ct)));
    }

    /// <summary>A message carrying simulator directives: the options' <c>--sim-*</c> values override the scenario's.</summary>
    public string Message(string text, double latencyMs, double tokensPerSecond, int tokens) =>
        $"{text} [[sim:latency={Number(options.Double("sim-latency", latencyMs))};tps={Number(options.Double("sim-tps", tokensPerSecond))};tokens={Number(options.Double("sim-tokens", tokens))}]]";

    public void Dispose()
    {
        _http.Dispose();
        _accountsLock.Dispose();
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
