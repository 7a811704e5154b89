using Chatbot.Chat.TestSupport;
using Chatbot.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Billing.IntegrationTests.Infrastructure;

/// <summary>One billing instance in process against the shared real infrastructure (BillingOptions names the assembly).</summary>
public sealed class BillingApiFactory(BillingInfrastructure infra, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<BillingOptions>
{
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("billing-mail-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:billingdb", infra.BillingDb);
        builder.UseSetting("ConnectionStrings:redis", infra.Redis);
        builder.UseSetting("ConnectionStrings:rabbitmq", infra.RabbitMq);
        builder.UseSetting("Identity:Authority", "http://127.0.0.1:9/");
        builder.UseSetting("Billing:SweepInterval", "00:00:00.500");
        builder.UseSetting("Billing:Email:PickupDirectory", MailFolder);
        builder.UseSetting("Alerts:WebhookRetryIntervals:0", "00:00:00.200");
        builder.UseSetting("Alerts:WebhookRetryIntervals:1", "00:00:00.200");
        builder.UseSetting("Alerts:WebhookRetryIntervals:2", "00:00:00.200");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.WaitForBusOnStart();
            services.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
        });
    }

    public HttpClient CreateClient(TestUser user)
    {
        var client = CreateClient();
        user.Apply(client.DefaultRequestHeaders);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(MailFolder, recursive: true); } catch (IOException) { }
    }
}
