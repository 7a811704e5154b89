using Chatbot.Chat;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>One chat instance (ChatOptions names its assembly) on the real infrastructure, with extra quota settings.</summary>
public sealed class ChatWithQuotasFactory(BillingInfrastructure infra, IReadOnlyDictionary<string, string> settings)
    : WebApplicationFactory<ChatOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:chatdb", infra.Database("chatdb"));
        builder.UseSetting("ConnectionStrings:redis", infra.Redis);
        builder.UseSetting("ConnectionStrings:rabbitmq", infra.RabbitMq);
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9");
        foreach (var (key, value) in settings)
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
