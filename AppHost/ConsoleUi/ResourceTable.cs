using System.Text;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.ConsoleUi;

/// <summary>Renders the resource table (resource, type, state, health, URL, restarts) as plain text lines.</summary>
public static class ResourceTable
{
    private static readonly string[] Headers = ["RESOURCE", "TYPE", "STATE", "HEALTH", "URL", "RESTARTS"];

    public static IReadOnlyList<string> Render(IEnumerable<ResourceSnapshot> snapshots, int width = 120)
    {
        var rows = snapshots
            .Select(s => new[] { s.Name, s.Type, s.State, s.Health ?? "-", s.Url ?? "", s.Restarts.ToString() })
            .ToList();
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var lines = new List<string> { Format(Headers, widths, width) };
        lines.AddRange(rows.Select(r => Format(r, widths, width)));
        return lines;
    }

    private static string Format(string[] cells, int[] widths, int width)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(cells[i].PadRight(widths[i] + 2));
        }
        var text = line.ToString().TrimEnd();
        return text.Length > width ? text[..width] : text;
    }
}
