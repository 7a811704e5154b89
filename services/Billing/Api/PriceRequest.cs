namespace Chatbot.Billing.Api;

/// <summary>
/// A new price version (USD per million tokens) from <see cref="EffectiveFrom"/> (default: now); <see cref="CachedPerMillion"/>
/// is the price of a reply answered from the response cache (input and output tokens; default 0: free).
/// </summary>
public sealed record PriceRequest(string Provider, string Model, decimal InputPerMillion, decimal OutputPerMillion, DateTimeOffset? EffectiveFrom,
    decimal CachedPerMillion = 0m);
