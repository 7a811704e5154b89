using Chatbot.Chat.Quotas;
using Chatbot.Chat.Http;
using Chatbot.Chat.Turns;

namespace Microsoft.Extensions.Hosting;

/// <summary>Chat's side of billing: quota reservations on the send path and the billing API proxy.</summary>
public static class ChatBillingExtensions
{
    public static IHostApplicationBuilder AddChatBilling(this IHostApplicationBuilder builder)
    {
        builder.AddQuotaReservations();
        builder.Services.AddScoped<TurnReservations>();
        if (builder.Configuration["services:billing:http:0"] is { Length: > 0 } billing)
        {
            builder.Services.ForwardToService("billing", new Uri(billing), "/api/usage", "/api/usage/{**rest}", "/api/billing/{**rest}");
        }
        return builder;
    }
}
