using System.Text.RegularExpressions;

namespace Chatbot.Deploy.Tests;

/// <summary>
/// The expand/contract rule of docs/deploy.md read from a migration's source: what its <c>Up</c> does that the previous
/// release, still running against the new schema during a rollout or after a rollback, could not survive. Contract
/// steps: dropping or renaming a table or column, changing a column, and a new NOT NULL column without a default
/// (the previous release's inserts do not set it). Dropping an index is allowed (slower, not broken).
/// </summary>
internal static partial class MigrationRules
{
    /// <summary>The contract steps in the <c>Up</c> part of a migration's source (empty when it only expands).</summary>
    public static IReadOnlyList<string> ContractSteps(string source)
    {
        var up = UpBody(source);
        var steps = new List<string>();
        foreach (var statement in up.Split("migrationBuilder.", StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Operation().Match(statement);
            if (!name.Success)
            {
                continue;
            }
            var operation = name.Groups[1].Value;
            if (operation is "DropTable" or "DropColumn" or "RenameTable" or "RenameColumn" or "AlterColumn")
            {
                steps.Add(operation);
            }
            else if (operation == "AddColumn" && statement.Contains("nullable: false", StringComparison.Ordinal)
                && !statement.Contains("defaultValue", StringComparison.Ordinal))
            {
                steps.Add("AddColumn NOT NULL without a default");
            }
            else if (operation == "Sql")
            {
                steps.AddRange(ContractSql().Matches(statement).Select(m => "SQL " + Regex.Replace(m.Value, @"\s+", " ").ToUpperInvariant()));
            }
        }
        return steps;
    }

    private static string UpBody(string source)
    {
        var start = source.IndexOf("void Up(", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        var end = source.IndexOf("void Down(", start, StringComparison.Ordinal);
        return end < 0 ? source[start..] : source[start..end];
    }

    [GeneratedRegex(@"^\s*(\w+)")]
    private static partial Regex Operation();

    [GeneratedRegex(@"(?i)\b(DROP\s+(TABLE|COLUMN)|RENAME\s+(COLUMN|TO)|SET\s+NOT\s+NULL|ALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE)\b")]
    private static partial Regex ContractSql();
}
