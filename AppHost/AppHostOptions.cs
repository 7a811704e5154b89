namespace Chatbot.AppHost;

/// <summary>Everything that changes how the AppHost runs, from flags and configuration (see <see cref="AppHostOptionsParser"/>).</summary>
public sealed class AppHostOptions
{
    /// <summary>Null = choose automatically (existing when connection strings are configured, else local, else container).</summary>
    public InfraMode? Infra { get; set; }

    /// <summary>Wipe the state folder (data and passwords) before starting.</summary>
    public bool Fresh { get; set; }

    public string StateDirectory { get; set; } = "";

    /// <summary>Port overrides by resource name (services and infrastructure).</summary>
    public Dictionary<string, int> Ports { get; } = [];

    /// <summary>Test mode: every port not overridden is a free one, never a default.</summary>
    public bool UseFreePorts { get; set; }

    /// <summary>Services to start (null = all). An empty list starts the infrastructure only.</summary>
    public List<string>? Services { get; set; }

    /// <summary>Extra or overriding environment per service.</summary>
    public Dictionary<string, Dictionary<string, string>> Environment { get; } = [];

    public string EnvironmentName { get; set; } = "Development";

    public string? OtlpEndpoint { get; set; }

    /// <summary>Connection strings of existing servers (<c>postgres</c>, <c>redis</c>, <c>rabbitmq</c>).</summary>
    public Dictionary<string, string> ConnectionStrings { get; } = [];

    /// <summary>
    /// False in tests: PostgreSQL without fsync (a killed server keeps committed data; an OS crash would not), Redis
    /// without snapshots, RabbitMQ's data in memory (<see cref="Infrastructure.BrokerDataLocation"/>).
    /// </summary>
    public bool Durable { get; set; } = true;

    public bool RestartOnCrash { get; set; } = true;

    /// <summary>Set with <c>--publisher manifest</c>.</summary>
    public string? Publisher { get; set; }

    public string? OutputPath { get; set; }

    /// <summary>
    /// <c>--monitoring</c>: every service serves /metrics and /health on a management port of its own, and Prometheus,
    /// Alertmanager and the PostgreSQL and Redis exporters run as local processes (AppHost/Monitoring).
    /// </summary>
    public bool Monitoring { get; set; }

    /// <summary>
    /// Services declared with a scheduling niceness (the inference worker) start at it; <c>--nice off</c> starts every
    /// service at the AppHost's own priority (to measure what the lever does).
    /// </summary>
    public bool Nice { get; set; } = true;

    /// <summary>How long one resource may take to become healthy.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
