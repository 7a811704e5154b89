namespace Chatbot.Deploy.Tests.Monitoring;

/// <summary>
/// deploy/monitoring's Prometheus rules: valid (<c>promtool check rules</c>), unit-tested (<c>promtool test rules</c>,
/// every alert fired by at least one test), and each alert linked to its runbook (docs/runbooks/&lt;alert&gt;.md).
/// </summary>
public sealed class AlertRulesTests
{
    private const string RunbookBase = "https://github.com/chatbot-aspire/chatbot-aspire/blob/main/docs/runbooks/";

    public static TheoryData<string> TestFiles => [.. MonitoringFiles.TestFiles.Select(f => Path.GetFileName(f))];

    [Fact]
    public async Task Promtool_check_rules_accepts_every_rule_file()
    {
        Assert.NotEmpty(MonitoringFiles.RuleFiles);
        var (exitCode, output) = await Promtool.RunAsync(["check", "rules", .. MonitoringFiles.RuleFiles.Select(f => Path.GetRelativePath("deploy/monitoring", f))]);
        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Promtool_unit_tests_pass(string testFile)
    {
        var (exitCode, output) = await Promtool.RunAsync("test", "rules", $"tests/{testFile}");
        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public void Every_alert_is_fired_by_a_promtool_test()
    {
        var tests = MonitoringFiles.TestFiles
            .SelectMany(YamlFiles.Load)
            .SelectMany(d => YamlFiles.List(d["tests"]))
            .SelectMany(t => YamlFiles.List(YamlFiles.Map(t).GetValueOrDefault("alert_rule_test")))
            .Select(YamlFiles.Map)
            .Where(a => YamlFiles.List(a.GetValueOrDefault("exp_alerts")).Count > 0)
            .Select(a => YamlFiles.Text(a, "alertname"))
            .ToHashSet();
        var untested = MonitoringFiles.Alerts().Select(a => a.Alert).Distinct().Where(a => !tests.Contains(a)).ToList();
        Assert.True(untested.Count == 0, $"Alerts no promtool test expects to fire: {string.Join(", ", untested)}");
    }

    [Fact]
    public void Every_alert_links_its_runbook_and_the_runbook_says_what_it_means_how_to_confirm_and_mitigate()
    {
        var alerts = MonitoringFiles.Alerts().ToList();
        Assert.NotEmpty(alerts);
        foreach (var (file, alert, rule) in alerts)
        {
            var annotations = YamlFiles.Map(rule.GetValueOrDefault("annotations"));
            Assert.Equal(RunbookBase + alert + ".md", YamlFiles.Text(annotations, "runbook_url"));
            Assert.False(string.IsNullOrWhiteSpace(YamlFiles.Text(annotations, "summary")), $"{alert} in {file} has no summary");
            var runbook = RepoRoot.Of($"docs/runbooks/{alert}.md");
            Assert.True(File.Exists(runbook), $"{alert} ({file}) has no docs/runbooks/{alert}.md");
            var text = File.ReadAllText(runbook);
            foreach (var section in (string[])["## What it means", "## How to confirm", "## How to mitigate"])
            {
                Assert.True(text.Contains(section, StringComparison.Ordinal), $"docs/runbooks/{alert}.md lacks '{section}'");
            }
        }
    }

    [Fact]
    public void Every_runbook_belongs_to_an_alert()
    {
        var alerts = MonitoringFiles.Alerts().Select(a => a.Alert).ToHashSet();
        var orphans = Directory.GetFiles(RepoRoot.Of("docs/runbooks"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not "README" && !alerts.Contains(n!))
            .ToList();
        Assert.True(orphans.Count == 0, $"Runbooks without an alert: {string.Join(", ", orphans)}");
    }
}
