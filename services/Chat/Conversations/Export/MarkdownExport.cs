using System.Globalization;
using System.Text;

namespace Chatbot.Chat.Conversations.Export;

/// <summary>
/// The Markdown export: the title as a heading, then each message under "You" or "Assistant" (its status in italics
/// when it has no text), written as the messages arrive.
/// </summary>
public static class MarkdownExport
{
    public static async Task WriteAsync(Stream body, ConversationExport export, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync($"# {OneLine(export.Title)}\n\n_Exported {Timestamp(export.ExportedAt)}_\n\n");
        await foreach (var message in export.Messages.WithCancellation(ct))
        {
            var heading = message.Role == Data.Entities.MessageRoles.User ? "You" : "Assistant";
            var text = message.Content.Length > 0 ? message.Content : $"_({message.Status})_";
            await writer.WriteAsync($"## {heading}\n\n{text}\n\n");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
