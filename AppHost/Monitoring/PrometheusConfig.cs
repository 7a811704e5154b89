using System.Globalization;
using System.Text;

namespace Chatbot.AppHost.Monitoring;

/// <summary>
/// The prometheus.yml and alertmanager.yml of a local run: one job per service (named as the service, so the rules'
/// <c>job=~"chat|..."</c> selectors hold) scraping its management port, one job per exporter, the rules of
/// deploy/monitoring/rules, and alerts to the local Alertmanager.
/// </summary>
public static class PrometheusConfig
{
    public const string ScrapeInterval = "5s";

    public static string Render(MonitoringTargets targets, string rulesDirectory)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("# Written by the AppHost (--monitoring) on every start; edit deploy/monitoring or AppHost/Monitoring instead.");
        yaml.AppendLine("global:");
        yaml.AppendLine($"  scrape_interval: {ScrapeInterval}");
        yaml.AppendLine($"  evaluation_interval: {ScrapeInterval}");
        yaml.AppendLine("rule_files:");
        yaml.AppendLine($"  - {Quote(Path.Combine(rulesDirectory, "*.yml"))}");
        yaml.AppendLine("alerting:");
        yaml.AppendLine("  alertmanagers:");
        yaml.AppendLine($"    - static_configs: [{{ targets: [{Quote(Local(targets.AlertmanagerPort))}] }}]");
        yaml.AppendLine("scrape_configs:");
        foreach (var (service, port) in targets.ServiceManagementPorts.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Job(yaml, service, port);
        }
        Job(yaml, "postgres", targets.PostgresExporterPort);
        Job(yaml, "redis", targets.RedisExporterPort);
        Job(yaml, "rabbitmq", targets.RabbitMqPrometheusPort);
        Job(yaml, "prometheus", targets.PrometheusPort);
        Job(yaml, "alertmanager", targets.AlertmanagerPort);
        return yaml.ToString();
    }

    /// <summary>Alerts are kept in Alertmanager's UI (http://localhost:9093) only: a local run has nobody to page.</summary>
    public static string RenderAlertmanager() => """
        # Written by the AppHost (--monitoring). Alerts show in Alertmanager's UI; a deployment routes them to a pager.
        route:
          receiver: local
          group_by: [alertname, severity]
        receivers:
          - name: local

        """;

    private static void Job(StringBuilder yaml, string name, int port)
    {
        yaml.AppendLine($"  - job_name: {Quote(name)}");
        yaml.AppendLine($"    static_configs: [{{ targets: [{Quote(Local(port))}] }}]");
    }

    private static string Local(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
