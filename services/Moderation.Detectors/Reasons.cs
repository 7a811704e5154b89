namespace Chatbot.Moderation.Detectors;

/// <summary>The sentence a user sees when a category blocks their message or a reply. Never quotes the content.</summary>
public static class Reasons
{
    public static string For(string category) => category switch
    {
        ModerationCategories.PromptInjection => "Your message looks like an attempt to override the assistant's instructions, so it was not sent.",
        ModerationCategories.SystemPromptLeak => "The reply was stopped because it started to reveal the assistant's confidential instructions.",
        ModerationCategories.Pii => "Your message contains personal data that this workspace does not allow to be sent.",
        ModerationCategories.Secret => "The message contains a credential or secret, which this workspace does not allow.",
        _ => $"The content was blocked by this workspace's policy ({category}).",
    };

    /// <summary>The sentence a user sees when the output guard cuts a reply.</summary>
    public static string ForReply(string category) => category switch
    {
        ModerationCategories.SystemPromptLeak or ModerationCategories.Secret => For(category),
        ModerationCategories.Pii => "The reply was stopped because it contained personal data that this workspace does not allow.",
        _ => $"The reply was stopped by this workspace's policy ({category}).",
    };
}
