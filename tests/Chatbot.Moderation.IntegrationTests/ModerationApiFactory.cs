using Chatbot.Moderation.Policies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Moderation.IntegrationTests;

/// <summary>The moderation service in process (a moderation type names the entry assembly) on the real infrastructure.</summary>
public sealed class ModerationApiFactory(string moderationDb, string redis, string rabbitMq, LogCapture logs, Uri providerEndpoint)
    : WebApplicationFactory<ModerationOptions>
{
    /// <summary>The service credential this moderation takes on its internal routes (<c>ServiceAuth:Credential</c>).</summary>
    public const string ServiceCredential = "moderation-tests-service-credential-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ServiceAuth:Credential", ServiceCredential);
        builder.UseSetting("ConnectionStrings:moderationdb", moderationDb);
        builder.UseSetting("ConnectionStrings:redis", redis);
        builder.UseSetting("ConnectionStrings:rabbitmq", rabbitMq);
        builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9"); // never called: TestAuthHandler authenticates
        builder.UseSetting("Moderation:ApiRequestsPerMinute", "5");
        builder.UseSetting("Moderation:Default:StageTimeout", "00:00:10"); // a loaded test machine must not fail closed
        // The provider moderation API is the fake in the test (closed fail mode, a timeout a loaded machine still meets).
        builder.UseSetting("Moderation:Provider:Endpoint", providerEndpoint.ToString());
        builder.UseSetting("Moderation:Provider:ApiKey", ModerationFixture.ProviderApiKey);
        builder.UseSetting("Moderation:Provider:TimeoutMilliseconds", "3000");
        // These tests exercise the stage on every input; ProviderGreyZoneTests cover the default grey-zone scope.
        builder.UseSetting("Moderation:Provider:Scope", "Always");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        builder.ConfigureTestServices(services => services.WaitForBusOnStart()
            .AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { }));
    }
}
