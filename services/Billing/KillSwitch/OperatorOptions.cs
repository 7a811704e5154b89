using System.ComponentModel.DataAnnotations;

namespace Chatbot.Billing.KillSwitch;

/// <summary>
/// Section <c>Billing:Operator</c>: where the platform operators hear about the kill switch (<c>SpendCeilingReached</c>).
/// Both are optional; the webhook is signed like tenants' (<see cref="ServiceDefaults.Webhooks.WebhookSignature"/>) with its own secret.
/// </summary>
public sealed class OperatorOptions : IValidatableObject
{
    public const string Section = "Billing:Operator";

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    public string? Email { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookUrl is { Length: > 0 } && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
        {
            yield return new("Billing:Operator:WebhookUrl must be an absolute http(s) URL.", [nameof(WebhookUrl)]);
        }
        if (WebhookUrl is { Length: > 0 } && WebhookSecret is not { Length: >= 16 and <= 200 })
        {
            yield return new("Billing:Operator:WebhookSecret is required with a webhook URL: 16 to 200 characters.", [nameof(WebhookSecret)]);
        }
        if (Email is { Length: > 0 } && !Email.Contains('@'))
        {
            yield return new("Billing:Operator:Email must be an e-mail address.", [nameof(Email)]);
        }
    }
}
