namespace Chatbot.Billing.Data.Entities;

/// <summary>USD per million tokens of one provider/model from <see cref="EffectiveFrom"/> until the next version.</summary>
public sealed class Price
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }
    /// <summary>USD per million tokens (input and output) of a reply answered from the response cache; 0: such a reply is free.</summary>
    public decimal CachedPerMillion { get; set; }
    public required DateTimeOffset EffectiveFrom { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
}
