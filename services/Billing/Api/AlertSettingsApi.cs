using Chatbot.Billing.Data;
using Chatbot.Billing.Data.Entities;
using Chatbot.Outbox;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Billing.Api;

/// <summary><c>PUT /api/billing/alerts</c> (tenant admin): the webhook URL, its signing secret and the alert e-mail of the caller's tenant.</summary>
public static class AlertSettingsApi
{
    public static IEndpointRouteBuilder MapAlertSettingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/billing/alerts", PutAsync).WithTags("Billing alerts").RequireAuthorization(AuthorizationPolicies.TenantAdmin);
        return app;
    }

    public static async Task<Results<NoContent, ValidationProblem>> PutAsync(AlertSettingsRequest r, CurrentUser user,
        BillingDbContext db, IHostEnvironment environment, AdminAudit audit, CancellationToken ct)
    {
        if (r.WebhookUrl is not null && (!Uri.TryCreate(r.WebhookUrl, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && (environment.IsDevelopment() || url.IsLoopback)))))
        {
            return BillingProblems.Invalid("webhookUrl", "webhookUrl must be an absolute https URL.");
        }
        if (r.WebhookUrl is not null && r.WebhookSecret is not { Length: >= 16 and <= 200 })
        {
            return BillingProblems.Invalid("webhookSecret", "webhookSecret is required with a webhookUrl: 16 to 200 characters.");
        }
        if (r.AlertEmail is not null && (r.AlertEmail.Length > 320 || !r.AlertEmail.Contains('@')))
        {
            return BillingProblems.Invalid("alertEmail", "alertEmail must be an e-mail address.");
        }
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.TenantId == user.TenantId, ct);
        var before = AuditViews.AlertsOf(tenant);
        if (tenant is null)
        {
            db.Tenants.Add(tenant = new TenantBilling { TenantId = user.TenantId, Tier = user.Tier.ToLowerInvariant() });
        }
        (tenant.WebhookUrl, tenant.WebhookSecret, tenant.AlertEmail) = (r.WebhookUrl, r.WebhookSecret, r.AlertEmail);
        audit.Record(user.UserId, user.TenantId, "billing.alerts.updated", $"tenants/{user.TenantId}/alerts", before, AuditViews.AlertsOf(tenant));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
