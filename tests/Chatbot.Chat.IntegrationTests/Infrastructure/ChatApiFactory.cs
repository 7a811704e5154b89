using Chatbot.Chat.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>One chat instance in process against the shared real infrastructure, quotas out of the way. Two factories = two replicas.</summary>
public sealed class ChatApiFactory(ChatInfrastructure infra, IReadOnlyDictionary<string, string>? settings = null)
    : ChatFactoryBase(infra.PostgresConnectionString("chatdb"), infra.RedisConnectionString, infra.RabbitMqConnectionString, settings)
{
    protected override void ConfigureDefaults(IWebHostBuilder builder)
    {
        builder.UseSetting("Chat:MaxContentLength", "1000");
        builder.UseSetting("Chat:HeartbeatInterval", "00:00:01");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        foreach (var tier in new[] { "free", "pro", "enterprise" }) // these tests are not about quotas (billing's tests are)
        {
            builder.UseSetting($"Quotas:Plans:{tier}:UserTokensPerDay", "1000000000");
            builder.UseSetting($"Quotas:Plans:{tier}:TenantTokensPerDay", "1000000000");
            builder.UseSetting($"Quotas:Plans:{tier}:RequestsPerMinute", "1000000");
            builder.UseSetting($"Quotas:Plans:{tier}:MonthlyBudgetUsd", "1000000");
        }
        builder.UseSetting("Moderation:Enabled", "false"); // chat alone: turns go straight to the fake worker
        // In process every request has no remote address, so all tests would share one per-IP window; these tests are not
        // about request limits (RequestLimitTests set their own).
        foreach (var (key, value) in RequestLimitsOff)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("OpenAi:Models:1:Id", "routed"); // a /v1 alias naming a worker provider (OpenAiStreamTests)
        builder.UseSetting("OpenAi:Models:1:Provider", "anthropic-primary");
    }

    /// <summary>Windows no functional test reaches: per IP, listing per IP and per tenant of every tier.</summary>
    public static readonly IReadOnlyDictionary<string, string> RequestLimitsOff = new Dictionary<string, string>
    {
        ["RequestLimits:PerIp:PermitLimit"] = "1000000",
        ["RequestLimits:Listing:PermitLimit"] = "1000000",
        ["RequestLimits:PerTenant:Free:PermitLimit"] = "1000000",
        ["RequestLimits:PerTenant:Pro:PermitLimit"] = "1000000",
        ["RequestLimits:PerTenant:Enterprise:PermitLimit"] = "1000000",
    };

    public HttpClient CreateClient(TestUser user) => CreateAuthenticatedClient(user.Apply);
}
