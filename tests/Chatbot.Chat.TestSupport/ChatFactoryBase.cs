using System.Net.Http.Headers;
using Chatbot.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.TestSupport;

/// <summary>
/// One chat instance in process (ChatOptions names its assembly: Program is ambiguous beside the AppHost's) against real
/// PostgreSQL, Redis and RabbitMQ, authenticated by <see cref="TestAuthHandler"/>; identity is never called. A derived
/// factory adds its defaults in <see cref="ConfigureDefaults"/>; <c>settings</c> override them. Two factories = two replicas.
/// </summary>
public abstract class ChatFactoryBase(string chatDb, string redis, string rabbitMq, IReadOnlyDictionary<string, string>? settings)
    : WebApplicationFactory<ChatOptions>
{
    /// <summary>The service credential this chat presents to identity (<c>ServiceAuth:Credential</c>).</summary>
    public const string ServiceCredential = "test-service-credential-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:chatdb", chatDb);
        builder.UseSetting("ConnectionStrings:redis", redis);
        builder.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9");
        builder.UseSetting("ServiceAuth:Credential", ServiceCredential);
        ConfigureDefaults(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            services.WaitForBusOnStart();
        });
    }

    /// <summary>Settings of this kind of test host, applied before the per-instance <c>settings</c>.</summary>
    protected virtual void ConfigureDefaults(IWebHostBuilder builder)
    {
    }

    /// <summary>A client whose requests carry the X-Test-* headers <paramref name="authenticate"/> adds.</summary>
    protected HttpClient CreateAuthenticatedClient(Action<HttpRequestHeaders> authenticate)
    {
        var client = CreateClient();
        authenticate(client.DefaultRequestHeaders);
        return client;
    }
}
