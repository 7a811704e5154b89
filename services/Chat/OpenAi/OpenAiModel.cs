namespace Chatbot.Chat.OpenAi;

/// <summary>
/// One model alias of <c>/v1</c>: its id, the worker provider it routes to (<see cref="Provider"/>, a name in the worker's
/// <c>Inference:Providers</c>; that provider's model answers, the rest of the chain stays its fallback; empty: the chain
/// in its configured order), the owner <c>/v1/models</c> shows (<see cref="OwnedBy"/>, the provider when unset) and the
/// tiers that may use it (empty: all).
/// </summary>
public sealed class OpenAiModel
{
    public const string DefaultAlias = "default";

    public string Id { get; set; } = "";
    public string OwnedBy { get; set; } = "";
    public string? Provider { get; set; }
    public List<string> Tiers { get; set; } = [];

    public string Owner => OwnedBy.Length > 0 ? OwnedBy : Provider ?? "";

    public bool AllowsTier(string tier) => Tiers.Count == 0 || Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase);
}
