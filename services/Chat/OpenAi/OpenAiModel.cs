namespace Chatbot.Chat.OpenAi;

/// <summary>One model alias of <c>/v1</c>: its id, the provider shown as <c>owned_by</c> and the tiers that may use it (empty: all).</summary>
public sealed class OpenAiModel
{
    public const string DefaultAlias = "default";

    public string Id { get; set; } = "";
    public string OwnedBy { get; set; } = "";
    public List<string> Tiers { get; set; } = [];

    public bool AllowsTier(string tier) => Tiers.Count == 0 || Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase);
}
