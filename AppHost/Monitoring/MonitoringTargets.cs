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
    /// <summary>Defaults: a service's management port is its HTTP port + 4000 (chat 5080 → 9080); the rest are the exporters' usual ports.</summary>
    public const int ManagementPortOffset = 4000;
    public const int DefaultPostgresExporterPort = 9187;
    public const int DefaultRedisExporterPort = 9121;
    public const int DefaultRabbitMqPrometheusPort = 15692;
    public const int DefaultPrometheusPort = 9090;
    public const int DefaultAlertmanagerPort = 9093;
}
