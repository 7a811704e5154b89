using Chatbot.Billing.Data.Entities;

namespace Chatbot.Billing.Api;

/// <summary>
/// What the admin audit log keeps of billing's settings (docs/audit.md): the limits and switches, never the webhook secret,
/// the webhook URL (it may carry a token) or the alert e-mail address; for those only whether they are set.
/// </summary>
public static class AuditViews
{
    public static object? Of(Plan? p) => p is null ? null
        : new { p.Tier, p.UserTokensPerDay, p.TenantTokensPerDay, p.RequestsPerMinute, p.MonthlyBudgetUsd };

    public static object? LimitsOf(TenantBilling? t) => t is null ? null
        : new { t.UserTokensPerDay, t.TenantTokensPerDay, t.RequestsPerMinute, t.MonthlyBudgetUsd, t.Disabled };

    public static object? AlertsOf(TenantBilling? t) => t is null ? null
        : new { webhook = t.WebhookUrl is not null, webhookHost = t.WebhookUrl is null ? null : new Uri(t.WebhookUrl).Host, alertEmail = t.AlertEmail is not null };

    public static object? Of(UserLimit? u) => u is null ? null : new { u.TokensPerDay, u.RequestsPerMinute };

    public static object Of(Price p) => new { p.Provider, p.Model, p.InputPerMillion, p.OutputPerMillion, p.CachedPerMillion, p.EffectiveFrom };
}
