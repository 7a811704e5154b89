namespace Chatbot.Chat.Conversations.Export;

/// <summary>A format of <c>?format=</c>: its name, file extension and content type.</summary>
public sealed record ExportFormat(string Name, string Extension, string ContentType)
{
    public static readonly ExportFormat Json = new("json", "json", "application/json");
    public static readonly ExportFormat Markdown = new("markdown", "md", "text/markdown; charset=utf-8");

    /// <summary>Missing means JSON; otherwise the name, case-insensitively.</summary>
    public static bool TryParse(string? value, out ExportFormat format)
    {
        format = Json;
        if (string.IsNullOrEmpty(value) || value.Equals(Json.Name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        format = Markdown;
        return value.Equals(Markdown.Name, StringComparison.OrdinalIgnoreCase);
    }
}
