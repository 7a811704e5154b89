using System.Text;
using System.Text.Json;

namespace Chatbot.Simulator;

/// <summary>Reads the parts of an OpenAI chat-completions request body the simulator needs.</summary>
public static class SimulatorRequestReader
{
    /// <summary><see cref="ToolNames"/>: the names of the functions offered in <c>tools</c>.</summary>
    public sealed record Request(IReadOnlyList<SimulatedMessage> Messages, bool Stream, bool IncludeUsage, int? MaxTokens,
        IReadOnlyList<string>? Stop = null, IReadOnlyList<string>? ToolNames = null);

    /// <summary>Returns null and an error message when the body is not a valid chat-completions request.</summary>
    public static Request? TryRead(JsonElement root, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            error = "'messages' must be an array.";
            return null;
        }
        var list = new List<SimulatedMessage>();
        foreach (var m in messages.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                error = "Every message needs a string 'role'.";
                return null;
            }
            list.Add(new SimulatedMessage(role.GetString()!, m.TryGetProperty("content", out var c) ? ContentText(c) : ""));
        }
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        return new Request(list, stream, includeUsage, Int(root, "max_completion_tokens") ?? Int(root, "max_tokens"), Stop(root), ToolNames(root));
    }

    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Aggregate(new StringBuilder(), (sb, p) => sb.Append(p.GetProperty("text").GetString()))
            .ToString(),
        _ => "",
    };

    /// <summary>OpenAI's <c>stop</c>: one string or an array of them.</summary>
    private static List<string>? Stop(JsonElement root) => root.TryGetProperty("stop", out var stop)
        ? stop.ValueKind switch
        {
            JsonValueKind.String => [stop.GetString()!],
            JsonValueKind.Array => [.. stop.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)],
            _ => null,
        }
        : null;

    private static List<string>? ToolNames(JsonElement root) => root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array
        ? [.. tools.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object
                && f.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
            .Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
        : null;

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
