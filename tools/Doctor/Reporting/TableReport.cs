using Spectre.Console;

namespace Chatbot.Doctor.Reporting;

/// <summary>The report as a table on a terminal: row, status, what was seen and the fix.</summary>
public static class TableReport
{
    public static void Write(IAnsiConsole console, Uri target, IReadOnlyList<CheckResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Launch readiness of {Markup.Escape(target.GetLeftPart(UriPartial.Authority))}")
            .AddColumn("Row").AddColumn("Status").AddColumn("Reason").AddColumn("Fix");
        foreach (var result in results)
        {
            table.AddRow(Markup.Escape(result.Row), Status(result.Status), Markup.Escape(result.Reason), Markup.Escape(result.Fix ?? ""));
        }
        console.Write(table);
        console.MarkupLine($"[green]{Count(results, CheckStatus.Pass)} pass[/], [red]{Count(results, CheckStatus.Fail)} fail[/], "
            + $"[yellow]{Count(results, CheckStatus.CannotCheck)} cannot-check[/]");
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "[green]pass[/]",
        CheckStatus.Fail => "[red]FAIL[/]",
        _ => "[yellow]cannot-check[/]",
    };

    private static int Count(IEnumerable<CheckResult> results, CheckStatus status) => results.Count(r => r.Status == status);
}
