using System.Text;
using System.Text.Json;

namespace Chatbot.InferenceWorker.Tools;

/// <summary>
/// What of a tool's JSON answer can carry instructions: its strings (keys and values) that hold words: whitespace between
/// letters, or a run long enough to hide words joined by dots or underscores. Numbers, booleans, codes and the JSON
/// punctuation cannot, and scoring them only costs classifier windows. A text that is not JSON is returned as it is.
/// </summary>
public static class ToolResultProse
{
    private const int MaxDepth = 64;
    private const int WordlessRunLength = 12;

    public static string Of(string answer)
    {
        var start = answer.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            return answer;
        }
        try
        {
            using var json = JsonDocument.Parse(answer, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var prose = new StringBuilder();
            Collect(json.RootElement, prose);
            return prose.ToString();
        }
        catch (JsonException)
        {
            return answer; // not JSON after all: all of it is scored
        }
    }

    private static void Collect(JsonElement element, StringBuilder prose)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(property.Name, prose);
                    Collect(property.Value, prose);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, prose);
                }
                break;
            case JsonValueKind.String:
                Add(element.GetString()!, prose);
                break;
        }
    }

    private static void Add(string text, StringBuilder prose)
    {
        if (HasWords(text))
        {
            prose.Append(text).Append('\n');
        }
    }

    private static bool HasWords(string text) =>
        text.Length > WordlessRunLength || (text.AsSpan().IndexOfAny(" \t\r\n") >= 0 && text.Count(char.IsLetter) >= 2);
}
