using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Infrastructure;

/// <summary>One chat instance in process (any Chat type names the entry assembly: Program is ambiguous beside the AppHost's), against the shared real infrastructure. Two factories = two replicas.</summary>
public sealed class ChatApiFactory(ChatInfrastructure infra, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<ChatOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:chatdb", infra.PostgresConnectionString("chatdb"));
        builder.UseSetting("ConnectionStrings:redis", infra.RedisConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", infra.RabbitMqConnectionString);
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9"); // never called: tests authenticate with TestAuthHandler
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services
            .AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { }));
    }

    public HttpClient CreateClient(TestUser user)
    {
        var client = CreateClient();
        user.Apply(client.DefaultRequestHeaders);
        return client;
    }
}
