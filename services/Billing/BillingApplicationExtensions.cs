using Chatbot.Billing.Api;

namespace Microsoft.AspNetCore.Builder;

public static class BillingApplicationExtensions
{
    /// <summary>Every route of billing (reached through chat's origin: <c>/api/usage*</c>, <c>/api/billing/*</c>).</summary>
    public static WebApplication MapBillingApi(this WebApplication app)
    {
        app.MapUsageApi();
        app.MapPricesApi();
        app.MapLimitsAdminApi();
        app.MapAlertSettingsApi();
        return app;
    }
}
