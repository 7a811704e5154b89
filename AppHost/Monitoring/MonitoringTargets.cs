namespace Chatbot.AppHost.Monitoring;

/// <summary>
/// The ports of one monitored run: each service's management port (<c>Management__Port</c>: /metrics, /health, /alive),
/// the exporters, RabbitMQ's rabbitmq_prometheus listener, Prometheus and Alertmanager.
/// </summary>
public sealed record MonitoringTargets(
    IReadOnlyDictionary<string, int> ServiceManagementPorts,
    int PostgresExporterPort,
    int RedisExporterPort,
    int RabbitMqPrometheusPort,
    int PrometheusPort,
    int AlertmanagerPort)
{
    /// <summary>Defaults: the exporters' usual ports (a service's management port is its own + 4000: <see cref="Orchestration.ManagementPorts"/>).</summary>
    public const int DefaultPostgresExporterPort = 9187;
    public const int DefaultRedisExporterPort = 9121;
    public const int DefaultRabbitMqPrometheusPort = 15692;
    public const int DefaultPrometheusPort = 9090;
    public const int DefaultAlertmanagerPort = 9093;
}
