using System.Text.Json;

namespace Chatbot.Chat.Tools;

/// <summary>The body of <c>POST /api/tools</c>. <see cref="Parameters"/>: a JSON Schema object (<c>"type": "object"</c>).</summary>
public sealed record RegisterToolRequest(string? Name, string? Description, JsonElement? Parameters, string? Endpoint, string? Risk,
    IReadOnlyList<int>? PromptVersions);
