using Chatbot.Chat.Account;

namespace Microsoft.Extensions.Hosting;

/// <summary>The account export: its job queue, worker, signed links and the clients for identity's and billing's parts.</summary>
public static class ChatAccountExtensions
{
    public static IHostApplicationBuilder AddChatAccountExport(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AccountExportOptions>(AccountExportOptions.Section);
        builder.Services.AddSingleton<AccountExportQueue>();
        builder.Services.AddSingleton<AccountExportLinks>();
        builder.Services.AddScoped<AccountPartsClient>();
        builder.Services.AddScoped<AccountExportWriter>();
        builder.Services.AddSingleton<AccountExportWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccountExportWorker>());
        AddPartClient(builder, AccountPartsClient.IdentityClient, "identity");
        AddPartClient(builder, AccountPartsClient.BillingClient, "billing");
        return builder;
    }

    /// <summary>A service's client: its Aspire endpoint and the service credential (unset endpoint: every call fails, the job too).</summary>
    private static void AddPartClient(IHostApplicationBuilder builder, string name, string service)
    {
        var address = builder.Configuration[$"services:{service}:http:0"];
        builder.Services.AddHttpClient(name, c =>
            {
                c.BaseAddress = new Uri(string.IsNullOrEmpty(address) ? "http://127.0.0.1:9" : address);
                c.Timeout = TimeSpan.FromSeconds(30);
            })
            .WithServiceCredential();
    }
}
