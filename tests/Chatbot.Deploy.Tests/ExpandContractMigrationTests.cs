namespace Chatbot.Deploy.Tests;

/// <summary>
/// The fast half of "N-1 runs on N's schema" (the slow half is scripts/deploy-check.sh with DEPLOY_CHECK_PREVIOUS_TAG,
/// which runs the previous release's images on today's migrations): no migration contracts the schema unless its name
/// says so (<c>...Contract...</c>), as docs/deploy.md requires.
/// </summary>
public sealed class ExpandContractMigrationTests
{
    /// <summary>Contract steps older than the rule, each shipped before any release the rollback must reach.</summary>
    private static readonly Dictionary<string, string> Earlier = new(StringComparer.Ordinal)
    {
        // Moves identity's pending outbox rows into the shared outbox table in the same migration (07 Dec, 06:45 UTC).
        ["services/Identity/Data/Migrations/20261207064500_SharedOutbox.cs"] = "DropTable",
    };

    [Fact]
    public void Every_migration_only_expands_unless_its_name_says_contract()
    {
        var migrations = Directory.EnumerateFiles(RepoRoot.Of("services"), "*.cs", SearchOption.AllDirectories)
            .Where(path => path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => !path.EndsWith(".Designer.cs", StringComparison.Ordinal) && !path.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
            .ToList();

        var broken = migrations
            .Select(path => (File: Path.GetRelativePath(RepoRoot.Path, path).Replace(Path.DirectorySeparatorChar, '/'), Steps: MigrationRules.ContractSteps(File.ReadAllText(path))))
            .Where(m => m.Steps.Count > 0 && !Path.GetFileName(m.File).Contains("Contract", StringComparison.Ordinal))
            .Where(m => !(Earlier.TryGetValue(m.File, out var known) && m.Steps.All(step => step == known)))
            .Select(m => $"{m.File}: {string.Join(", ", m.Steps)}")
            .ToList();

        Assert.True(migrations.Count > 20, $"only {migrations.Count} migrations found");
        Assert.True(broken.Count == 0, "contract steps in migrations not named Contract (docs/deploy.md):\n" + string.Join('\n', broken));
    }

    [Theory]
    [InlineData("migrationBuilder.DropColumn(name: \"title\", table: \"conversations\");", "DropColumn")]
    [InlineData("migrationBuilder.RenameColumn(name: \"a\", table: \"t\", newName: \"b\");", "RenameColumn")]
    [InlineData("migrationBuilder.AddColumn<int>(name: \"n\", table: \"t\", type: \"integer\", nullable: false);", "AddColumn NOT NULL without a default")]
    [InlineData("migrationBuilder.Sql(\"ALTER TABLE t ALTER COLUMN c SET NOT NULL;\");", "SQL SET NOT NULL")]
    [InlineData("migrationBuilder.Sql(\"ALTER TABLE t DROP COLUMN c;\");", "SQL DROP COLUMN")]
    public void A_contract_step_in_Up_is_found(string statement, string expected)
    {
        Assert.Equal([expected], MigrationRules.ContractSteps(Migration(statement)));
    }

    [Fact]
    public void Expanding_steps_and_the_Down_part_are_not_contract_steps()
    {
        var source = Migration(
            "migrationBuilder.AddColumn<bool>(name: \"cached\", table: \"t\", type: \"boolean\", nullable: false, defaultValue: false);" +
            "migrationBuilder.AddColumn<string>(name: \"note\", table: \"t\", type: \"text\", nullable: true);" +
            "migrationBuilder.DropIndex(name: \"ix_old\", table: \"t\");" +
            "migrationBuilder.Sql(\"DROP POLICY IF EXISTS p ON t; CREATE POLICY p ON t USING (true);\");",
            down: "migrationBuilder.DropColumn(name: \"cached\", table: \"t\");");

        Assert.Empty(MigrationRules.ContractSteps(source));
    }

    private static string Migration(string up, string down = "") => $$"""
        public partial class Sample : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                {{down}}
            }
        }
        """;
}
