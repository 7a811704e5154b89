using System.Text.Json;

namespace Chatbot.Chat.Tools;

/// <summary>
/// The body of <c>POST /api/tools</c>. <see cref="Parameters"/>: a JSON Schema object (<c>"type": "object"</c>).
/// <see cref="Builtin"/>: the name of a built-in tool (<c>conversation_search</c>) instead of an endpoint; it brings its
/// own description, parameters and risk (read).
/// </summary>
public sealed record RegisterToolRequest(string? Name, string? Description, JsonElement? Parameters, string? Endpoint, string? Risk,
    IReadOnlyList<int>? PromptVersions, string? Builtin = null);
