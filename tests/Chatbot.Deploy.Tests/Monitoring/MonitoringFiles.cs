namespace Chatbot.Deploy.Tests.Monitoring;

/// <summary>deploy/monitoring's rule and test files, and every alerting rule in them.</summary>
internal static class MonitoringFiles
{
    public static IReadOnlyList<string> RuleFiles => Relative("deploy/monitoring/rules");

    public static IReadOnlyList<string> TestFiles => Relative("deploy/monitoring/tests");

    public static IEnumerable<(string File, string Alert, Dictionary<object, object> Rule)> Alerts() =>
        from file in RuleFiles
        from document in YamlFiles.Load(file)
        from g in YamlFiles.List(document["groups"])
        from r in YamlFiles.List(YamlFiles.Map(g)["rules"])
        let rule = YamlFiles.Map(r)
        where rule.ContainsKey("alert")
        select (file, YamlFiles.Text(rule, "alert")!, rule);

    private static List<string> Relative(string folder) =>
        [.. Directory.GetFiles(RepoRoot.Of(folder), "*.yml").Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(RepoRoot.Path, f).Replace(Path.DirectorySeparatorChar, '/'))];
}
