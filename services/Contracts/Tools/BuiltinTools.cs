namespace Chatbot.Contracts.Tools;

/// <summary>
/// Tools the platform runs itself, which a tenant allows like any other (chat's <c>POST /api/tools</c> with
/// <c>"builtin"</c>). Such a tool's <see cref="ToolSpec.Endpoint"/> is <c>builtin:{name}</c> instead of a URL: the worker
/// runs it for the reply's own tenant and user (never for ids the model names) and screens its answer like any tool's.
/// </summary>
public static class BuiltinTools
{
    public const string Scheme = "builtin";

    /// <summary>The user's own conversations that match a query (chat's <c>GET /api/conversations?q=</c> search).</summary>
    public const string ConversationSearch = "conversation_search";

    public static readonly IReadOnlyList<string> All = [ConversationSearch];

    public static string Endpoint(string builtin) => $"{Scheme}:{builtin}";

    /// <summary>The built-in tool <paramref name="endpoint"/> names, or null for a tenant's HTTPS endpoint.</summary>
    public static string? Of(string endpoint) =>
        endpoint.StartsWith(Scheme + ":", StringComparison.Ordinal) ? endpoint[(Scheme.Length + 1)..] : null;
}
