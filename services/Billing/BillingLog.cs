namespace Chatbot.Billing;

/// <summary>Source-generated logs of billing (ids and amounts only: no e-mail, no secret, no prompt).</summary>
internal static partial class BillingLog
{
    [LoggerMessage(1, LogLevel.Information, "Rebuilt {Keys} quota counters from the ledger")]
    public static partial void CountersRebuilt(ILogger logger, int keys);

    [LoggerMessage(2, LogLevel.Information, "Released {Count} expired reservations")]
    public static partial void ReservationsExpired(ILogger logger, int count);

    [LoggerMessage(3, LogLevel.Warning, "Sweeping expired reservations failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Critical, "Kill switch on: platform spend {SpentUsd} USD this hour passed the ceiling {CeilingUsd} USD")]
    public static partial void KillSwitchTripped(ILogger logger, decimal spentUsd, decimal ceilingUsd);

    [LoggerMessage(5, LogLevel.Warning, "Kill switch cleared by {UserId}")]
    public static partial void KillSwitchCleared(ILogger logger, Guid userId);

    [LoggerMessage(6, LogLevel.Information, "Tenant {TenantId} reached {Threshold}% of its {Period} budget")]
    public static partial void ThresholdReached(ILogger logger, Guid tenantId, int threshold, string period);

    [LoggerMessage(7, LogLevel.Information, "Pseudonymised {Rows} ledger rows of a deleted user of tenant {TenantId}")]
    public static partial void Pseudonymised(ILogger logger, int rows, Guid tenantId);

    [LoggerMessage(9, LogLevel.Information, "Tenant {TenantId} used up its {Scope} limit for {Period}")]
    public static partial void BudgetExhausted(ILogger logger, Guid tenantId, string scope, string period);

    [LoggerMessage(10, LogLevel.Warning, "No operator webhook configured (Billing:Operator:WebhookUrl): kill-switch alert of {Hour} not posted")]
    public static partial void NoOperatorTarget(ILogger logger, string hour);

    [LoggerMessage(8, LogLevel.Warning, "Tenant {TenantId} has no webhook URL: {AlertType} not posted")]
    public static partial void NoWebhook(ILogger logger, Guid tenantId, string alertType);

    [LoggerMessage(11, LogLevel.Warning, "Redis lost billing's limits and counters (restart or flush); republishing them from billingdb")]
    public static partial void StateLost(ILogger logger);

    [LoggerMessage(12, LogLevel.Warning, "Checking or restoring billing's Redis state failed; retrying at the next check")]
    public static partial void StateCheckFailed(ILogger logger, Exception exception);
}
