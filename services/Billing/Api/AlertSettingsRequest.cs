namespace Chatbot.Billing.Api;

/// <summary>Tenant admin: where budget alerts go. The secret signs webhook posts (HMAC-SHA256).</summary>
public sealed record AlertSettingsRequest(string? WebhookUrl, string? WebhookSecret, string? AlertEmail);
