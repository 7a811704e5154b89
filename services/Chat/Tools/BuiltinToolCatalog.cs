using Chatbot.Contracts.Tools;

namespace Chatbot.Chat.Tools;

/// <summary>
/// The built-in tools a tenant may allow (<see cref="BuiltinTools"/>) as chat registers them: a fixed description and
/// argument schema, risk <c>read</c>, endpoint <c>builtin:{name}</c>. The worker runs them itself, for the reply's own
/// user and tenant.
/// </summary>
public static class BuiltinToolCatalog
{
    private const string ConversationSearchDescription =
        "Searches the user's own earlier conversations (titles and messages) and returns the best matches: title, when it was "
        + "last active and an excerpt of the best matching message. Use it when the user refers to something discussed before.";

    private const string ConversationSearchParameters = """
        {"type":"object","properties":{"query":{"type":"string","minLength":1,"maxLength":256,"description":"Words to look for (web search syntax: words, \"phrases\", or, -word)."},"limit":{"type":"integer","minimum":1,"maximum":10,"description":"How many conversations at most (default 5)."}},"required":["query"]}
        """;

    /// <summary>The built-in's description and parameters schema (JSON), or null when there is no such built-in tool.</summary>
    public static (string Description, string Parameters)? Find(string builtin) => builtin switch
    {
        BuiltinTools.ConversationSearch => (ConversationSearchDescription, ConversationSearchParameters.Trim()),
        _ => null,
    };
}
