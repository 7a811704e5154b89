namespace Chatbot.Billing.Api;

/// <summary>A new price version (USD per million tokens) from <see cref="EffectiveFrom"/> (default: now).</summary>
public sealed record PriceRequest(string Provider, string Model, decimal InputPerMillion, decimal OutputPerMillion, DateTimeOffset? EffectiveFrom);
