using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.TestSupport;

namespace Chatbot.EndToEnd.Tests.Observability;

/// <summary>
/// Every panel of deploy/monitoring/dashboards runs against the Prometheus of the monitored system after its turns:
/// a query error or a panel without data fails. Grafana's <c>$__rate_interval</c> is given as 1m (5 s scrapes).
/// </summary>
[Collection(ObservedSystemCollection.Name)]
public sealed class DashboardQueryTests(ObservedSystemFixture system)
{
    public static TheoryData<string, string, string> Panels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var file in Directory.GetFiles(DashboardsFolder(), "*.json").Order(StringComparer.Ordinal))
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    data.Add(Path.GetFileName(file), panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!);
                }
            }
        }
        return data;
    }

    [Fact]
    public void Every_dashboard_has_panels_and_the_five_are_there()
    {
        var files = Directory.GetFiles(DashboardsFolder(), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["chat-turn.json", "moderation.json", "overview.json", "providers-and-cost.json", "queues.json"], files);
        Assert.All(Panels(), p => Assert.False(string.IsNullOrWhiteSpace((string)p[2])));
    }

    /// <summary>
    /// <c>or vector(0)</c> gives any query a result, so the data check below would pass for a metric that does not exist.
    /// A series that only appears with an event is exported at 0 from start-up by its service, or the fixture causes the event.
    /// </summary>
    [Fact]
    public void No_panel_pads_its_query_with_a_constant_vector()
    {
        var padded = Panels().Where(p => ((string)p[2]).Contains("vector(", StringComparison.Ordinal)).Select(p => $"{p[0]} / {p[1]}").ToList();

        Assert.True(padded.Count == 0, $"panels whose query ends in a constant vector: {string.Join(", ", padded)}");
    }

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Every_panel_query_runs_and_returns_data_after_a_few_turns(string dashboard, string panel, string expr)
    {
        using var prometheus = new HttpClient { BaseAddress = system.App.GetPrometheusEndpoint() };
        var query = expr.Replace("$__rate_interval", "1m", StringComparison.Ordinal);
        var last = "";

        var hasData = await Eventually.TrueAsync(async () =>
        {
            using var response = await prometheus.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
            last = await response.Content.ReadAsStringAsync();
            using var answer = JsonDocument.Parse(last);
            Assert.Equal("success", answer.RootElement.GetProperty("status").GetString()); // a query error fails at once
            return answer.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(60));

        Assert.True(hasData, $"{dashboard} / {panel}: no data for {query}; last answer {last}");
    }

    private static string DashboardsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chatbot.Aspire.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Chatbot.Aspire.sln not found"), "deploy", "monitoring", "dashboards");
    }
}
