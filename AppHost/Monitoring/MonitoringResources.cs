using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Monitoring;

/// <summary>Names and ports of what <c>--monitoring</c> adds to a run (each overridable with <c>--port name=port</c>).</summary>
public static class MonitoringResources
{
    public const string RabbitMqPrometheus = "rabbitmq-prometheus";
    public const string PostgresExporter = "postgres-exporter";
    public const string RedisExporter = "redis-exporter";
    public const string Prometheus = "prometheus";
    public const string Alertmanager = "alertmanager";

    public static string ManagementOf(string service) => ManagementPorts.NameOf(service);

    public static MonitoringTargets Allocate(PortAllocator ports, IEnumerable<ProjectResource> services, IReadOnlyDictionary<string, int> overrides) =>
        Allocate(ports, ManagementPorts.Allocate(ports, services, overrides), overrides);

    /// <summary>The run's monitoring around the services' management ports (which every run has).</summary>
    public static MonitoringTargets Allocate(PortAllocator ports, IReadOnlyDictionary<string, int> managementPorts, IReadOnlyDictionary<string, int> overrides) => new(
        managementPorts,
        ports.Allocate(PostgresExporter, MonitoringTargets.DefaultPostgresExporterPort, overrides),
        ports.Allocate(RedisExporter, MonitoringTargets.DefaultRedisExporterPort, overrides),
        ports.Allocate(RabbitMqPrometheus, MonitoringTargets.DefaultRabbitMqPrometheusPort, overrides),
        ports.Allocate(Prometheus, MonitoringTargets.DefaultPrometheusPort, overrides),
        ports.Allocate(Alertmanager, MonitoringTargets.DefaultAlertmanagerPort, overrides));

    /// <summary>Every port of the run's monitoring, by resource name (for the port-in-use check and the infrastructure).</summary>
    public static IEnumerable<KeyValuePair<string, int>> Ports(MonitoringTargets targets) =>
    [
        .. targets.ServiceManagementPorts.Select(p => KeyValuePair.Create(ManagementOf(p.Key), p.Value)),
        KeyValuePair.Create(PostgresExporter, targets.PostgresExporterPort),
        KeyValuePair.Create(RedisExporter, targets.RedisExporterPort),
        KeyValuePair.Create(RabbitMqPrometheus, targets.RabbitMqPrometheusPort),
        KeyValuePair.Create(Prometheus, targets.PrometheusPort),
        KeyValuePair.Create(Alertmanager, targets.AlertmanagerPort),
    ];

    /// <summary>deploy/monitoring/rules of the solution the AppHost was built from.</summary>
    public static string RulesDirectory()
    {
        var directory = new DirectoryInfo(Projects.AppHostProject.Directory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chatbot.Aspire.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? Projects.AppHostProject.Directory, "deploy", "monitoring", "rules");
    }
}
