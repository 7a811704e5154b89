using Chatbot.Chat.Billing;
using Yarp.ReverseProxy.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chat's side of billing: quota reservations on the send path and the billing API proxy.</summary>
public static class ChatBillingExtensions
{
    public static IHostApplicationBuilder AddChatBilling(this IHostApplicationBuilder builder)
    {
        builder.AddQuotaReservations();
        builder.Services.AddScoped<QuotaGate>();
        if (builder.Configuration["services:billing:http:0"] is { Length: > 0 } billing)
        {
            // One more YARP config source beside identity's (AddReverseProxy is called once, by AddChatIdentity).
            builder.Services.AddSingleton<IProxyConfigProvider>(new InMemoryConfigProvider(BillingProxy.Routes(), BillingProxy.Clusters(new Uri(billing))));
        }
        return builder;
    }
}
