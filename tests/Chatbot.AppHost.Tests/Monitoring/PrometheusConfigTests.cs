using System.Diagnostics;
using Chatbot.AppHost.Monitoring;

namespace Chatbot.AppHost.Tests.Monitoring;

public sealed class PrometheusConfigTests
{
    private static readonly MonitoringTargets Targets = new(
        new Dictionary<string, int> { ["chat"] = 9080, ["identity"] = 9081, ["inference-worker"] = 9082, ["moderation"] = 9083, ["billing"] = 9084 },
        PostgresExporterPort: 9187, RedisExporterPort: 9121, RabbitMqPrometheusPort: 15692, PrometheusPort: 9090, AlertmanagerPort: 9093);

    [Fact]
    public void Every_service_is_a_job_named_after_it_scraping_its_management_port_and_the_exporters_are_jobs_too()
    {
        var yaml = PrometheusConfig.Render(Targets, "/repo/deploy/monitoring/rules");

        foreach (var (service, port) in Targets.ServiceManagementPorts)
        {
            Assert.Contains($"  - job_name: \"{service}\"\n    static_configs: [{{ targets: [\"127.0.0.1:{port}\"] }}]", yaml);
        }
        Assert.Contains("job_name: \"postgres\"\n    static_configs: [{ targets: [\"127.0.0.1:9187\"] }]", yaml);
        Assert.Contains("job_name: \"redis\"\n    static_configs: [{ targets: [\"127.0.0.1:9121\"] }]", yaml);
        Assert.Contains("job_name: \"rabbitmq\"\n    static_configs: [{ targets: [\"127.0.0.1:15692\"] }]", yaml);
        Assert.Contains("- \"/repo/deploy/monitoring/rules/*.yml\"", yaml);
        Assert.Contains("targets: [\"127.0.0.1:9093\"]", yaml);
    }

    [Fact]
    public async Task Promtool_accepts_the_generated_configuration_with_the_repository_rules()
    {
        var rules = MonitoringResources.RulesDirectory();
        Assert.True(Directory.GetFiles(rules, "*.yml").Length > 0, $"no rules in {rules}");
        var folder = Directory.CreateTempSubdirectory("prometheus-config-");
        try
        {
            var config = Path.Combine(folder.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(config, PrometheusConfig.Render(Targets, rules));
            var alertmanager = Path.Combine(folder.FullName, "alertmanager.yml");
            await File.WriteAllTextAsync(alertmanager, PrometheusConfig.RenderAlertmanager());

            var (code, output) = await RunAsync("promtool", "check", "config", config);
            Assert.True(code == 0, output);
            Assert.Contains("SUCCESS", output);
            var (amCode, amOutput) = await RunAsync("amtool", "check-config", alertmanager);
            Assert.True(amCode == 0, amOutput);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var path = Infrastructure.LocalBinaries.FindOnPath(tool)
            ?? throw new InvalidOperationException($"{tool} is missing: {LocalMonitoring.InstallCommand} (scripts/prerequisites.sh --monitoring).");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
