using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Infrastructure;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Monitoring;

/// <summary>
/// <c>--monitoring</c>: Debian's Prometheus, Alertmanager and the PostgreSQL and Redis exporters as local processes,
/// state under <c>&lt;state&gt;/monitoring</c>, listening on 127.0.0.1 only. Prometheus loads deploy/monitoring/rules.
/// </summary>
public static class LocalMonitoring
{
    public const string InstallCommand = "apt-get install -y prometheus prometheus-alertmanager prometheus-postgres-exporter prometheus-redis-exporter";

    public static IReadOnlyList<string> MissingPackages() =>
    [
        .. new[] { "prometheus", "prometheus-alertmanager", "prometheus-postgres-exporter", "prometheus-redis-exporter" }
            .Where(p => LocalBinaries.FindOnPath(p) is null),
    ];

    public static IReadOnlyList<ProcessResourceRunner> CreateRunners(InfrastructureContext context, MonitoringTargets targets, string rulesDirectory, HttpClient http)
    {
        if (MissingPackages() is { Count: > 0 } missing)
        {
            throw new PrerequisiteMissingException($"--monitoring needs {string.Join(", ", missing)}: run `{InstallCommand}`.");
        }
        var root = context.StatePath("monitoring");
        var postgres = context.Postgres;
        var redis = context.Redis;
        var postgresUrl = $"postgresql://{PostgresServerResource.UserName}:{Uri.EscapeDataString(context.Password(postgres.Password))}@127.0.0.1:{context.Ports[postgres.Name]}/postgres?sslmode=disable";
        return
        [
            Runner(context, "prometheus", "Prometheus", targets.PrometheusPort, "/-/ready", http, () =>
            {
                var data = Path.Combine(root, "prometheus");
                Directory.CreateDirectory(data);
                var config = Path.Combine(root, "prometheus.yml");
                File.WriteAllText(config, PrometheusConfig.Render(targets, rulesDirectory));
                return new("prometheus", [$"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{targets.PrometheusPort}",
                    "--storage.tsdb.retention.time=8d"], root);
            }),
            Runner(context, "alertmanager", "Alertmanager", targets.AlertmanagerPort, "/-/ready", http, () =>
            {
                var data = Path.Combine(root, "alertmanager");
                Directory.CreateDirectory(data);
                var config = Path.Combine(root, "alertmanager.yml");
                File.WriteAllText(config, PrometheusConfig.RenderAlertmanager());
                return new("prometheus-alertmanager", [$"--config.file={config}", $"--storage.path={data}",
                    $"--web.listen-address=127.0.0.1:{targets.AlertmanagerPort}", "--cluster.listen-address="], root);
            }),
            Runner(context, "postgres-exporter", "Exporter", targets.PostgresExporterPort, "/metrics", http, () =>
                new("prometheus-postgres-exporter", [$"--web.listen-address=127.0.0.1:{targets.PostgresExporterPort}"], root)
                {
                    Environment = new Dictionary<string, string> { ["DATA_SOURCE_NAME"] = postgresUrl },
                }),
            Runner(context, "redis-exporter", "Exporter", targets.RedisExporterPort, "/metrics", http, () =>
                new("prometheus-redis-exporter", [$"-redis.addr=redis://127.0.0.1:{context.Ports[redis.Name]}", $"-web.listen-address=127.0.0.1:{targets.RedisExporterPort}"], root)
                {
                    Environment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = context.Password(redis.Password) },
                }),
        ];
    }

    private static ProcessResourceRunner Runner(InfrastructureContext context, string name, string type, int port, string readyPath, HttpClient http,
        Func<Processes.ProcessSpec> spec) =>
        context.Runner(new ProcessRunnerDefinition
        {
            Name = name,
            Type = type,
            Url = $"http://localhost:{port}",
            RestartOnCrash = context.Options.RestartOnCrash,
            StartTimeout = context.Options.StartTimeout,
            PrepareAsync = _ =>
            {
                Directory.CreateDirectory(context.StatePath("monitoring"));
                var resolved = spec();
                return Task.FromResult(resolved with { FileName = LocalBinaries.FindOnPath(resolved.FileName) ?? resolved.FileName });
            },
            HealthCheck = async ct =>
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{readyPath}"), ct);
                return response.IsSuccessStatusCode;
            },
        });
}
