using System.ComponentModel.DataAnnotations;

namespace Chatbot.Billing.Alerts;

/// <summary>Section <c>Alerts</c>.</summary>
public sealed class AlertDeliveryOptions
{
    public const string Section = "Alerts";

    [MinLength(1)]
    public TimeSpan[] WebhookRetryIntervals { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];
}
