namespace Chatbot.Moderation.Detectors.Policy;

/// <summary>What a tenant policy does with a category that was found. Block wins over Flag, Flag over Mask.</summary>
public enum ModerationAction
{
    Allow,
    Mask,
    Flag,
    Block,
}
