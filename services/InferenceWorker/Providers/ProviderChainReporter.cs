using System.Text.Json;
using Chatbot.Contracts.Operations;
using Chatbot.InferenceWorker.Configuration;
using Chatbot.InferenceWorker.Telemetry;
using StackExchange.Redis;

namespace Chatbot.InferenceWorker.Providers;

/// <summary>
/// Writes this instance's provider chain to Redis (<see cref="ProviderChainReport.RedisKey"/>) at start-up and every
/// minute, and drops the reports of instances that stopped reporting. A Redis failure is logged and retried next
/// minute: the report is for operators, never on a reply's path.
/// </summary>
public sealed class ProviderChainReporter(ProviderChain chain, IConnectionMultiplexer redis, TimeProvider clock, ILogger<ProviderChainReporter> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static ReportedProvider Describe(ChatProvider provider) =>
        new(provider.Name, provider.Options.Type.ToString().ToLowerInvariant(), CompanyOf(provider.Options), provider.Model);

    /// <summary>Who runs the provider: Azure OpenAI is Microsoft's service, an OpenAI-compatible server is its endpoint's host.</summary>
    public static string CompanyOf(ProviderOptions options) => options.Type switch
    {
        ProviderType.Simulator => "simulator",
        ProviderType.OpenAI => "openai",
        ProviderType.AzureOpenAI => "microsoft",
        ProviderType.Anthropic => "anthropic",
        _ => Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) ? endpoint.Host : "unknown",
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await ReportAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                InferenceLog.ProviderChainNotReported(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task ReportAsync()
    {
        var now = clock.GetUtcNow();
        var report = new ProviderChainReport(_instance, now, [.. chain.Providers.Select(Describe)]);
        var db = redis.GetDatabase();
        await db.HashSetAsync(ProviderChainReport.RedisKey, _instance, JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
        foreach (var entry in await db.HashGetAllAsync(ProviderChainReport.RedisKey))
        {
            var other = JsonSerializer.Deserialize<ProviderChainReport>(entry.Value.ToString(), JsonSerializerOptions.Web);
            if (other is null || now - other.ReportedAt > ProviderChainReport.FreshFor)
            {
                await db.HashDeleteAsync(ProviderChainReport.RedisKey, entry.Name);
            }
        }
    }
}
