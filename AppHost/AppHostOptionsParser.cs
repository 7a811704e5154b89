using Microsoft.Extensions.Configuration;

namespace Chatbot.AppHost;

/// <summary>
/// Reads <see cref="AppHostOptions"/> from configuration (appsettings.json, environment, user secrets) overlaid by flags:
/// <c>--infra local|container|existing</c>, <c>--fresh</c>, <c>--port name=port</c>, <c>--services a,b</c>,
/// <c>--state-dir path</c>, <c>--environment Name</c>, <c>--otlp-endpoint url</c>, <c>--publisher manifest</c>,
/// <c>--output-path file</c>, <c>--monitoring</c>, <c>--nice on|off</c>.
/// </summary>
public static class AppHostOptionsParser
{
    public static AppHostOptions Parse(string[] args, IConfiguration? configuration = null)
    {
        var flags = ToConfiguration(args);
        var config = new ConfigurationBuilder()
            .AddConfiguration(configuration ?? new ConfigurationBuilder().Build())
            .AddInMemoryCollection(flags)
            .Build();
        var options = new AppHostOptions
        {
            Infra = config["Infra"] is { Length: > 0 } infra ? ParseMode(infra) : null,
            Fresh = bool.TryParse(config["Fresh"], out var fresh) && fresh,
            Monitoring = bool.TryParse(config["Monitoring"], out var monitoring) && monitoring,
            Nice = config["Nice"] is not { Length: > 0 } nice || nice.ToLowerInvariant() switch
            {
                "on" or "true" => true,
                "off" or "false" => false,
                _ => throw new ArgumentException($"Nice must be on or off, not '{nice}'."),
            },
            StateDirectory = config["StateDirectory"] ?? "",
            EnvironmentName = config["Environment"] ?? "Development",
            OtlpEndpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } otlp ? otlp : null,
            Publisher = config["Publisher"],
            OutputPath = config["OutputPath"],
            Services = config["Services"] is { } services
                ? [.. services.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : null,
        };
        foreach (var port in config.GetSection("Ports").GetChildren())
        {
            options.Ports[port.Key] = int.TryParse(port.Value, out var value) && value is > 0 and < 65536
                ? value
                : throw new ArgumentException($"Ports:{port.Key} must be a port number (1-65535), not '{port.Value}'.");
        }
        foreach (var name in (string[])["postgres", "redis", "rabbitmq"])
        {
            if (config.GetConnectionString(name) is { Length: > 0 } connectionString)
            {
                options.ConnectionStrings[name] = connectionString;
            }
        }
        return options;
    }

    /// <summary>Turns flags into configuration keys, so a flag and a setting are the same thing.</summary>
    public static Dictionary<string, string?> ToConfiguration(string[] args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--fresh": values["Fresh"] = "true"; break;
                case "--monitoring": values["Monitoring"] = "true"; break;
                case "--infra": values["Infra"] = Value(); break;
                case "--nice": values["Nice"] = Value(); break;
                case "--services": values["Services"] = Value(); break;
                case "--state-dir": values["StateDirectory"] = Value(); break;
                case "--environment": values["Environment"] = Value(); break;
                case "--otlp-endpoint": values["OTEL_EXPORTER_OTLP_ENDPOINT"] = Value(); break;
                case "--publisher": values["Publisher"] = Value(); break;
                case "--output-path": values["OutputPath"] = Value(); break;
                case "--port":
                    var pair = Value().Split('=', 2);
                    if (pair.Length != 2)
                    {
                        throw new ArgumentException($"--port expects name=port (e.g. chat=6080), not '{string.Join('=', pair)}'.");
                    }
                    values[$"Ports:{pair[0]}"] = pair[1];
                    break;
                default: throw new ArgumentException($"Unknown argument '{arg}'. See README.md for the flags.");
            }
        }
        return values;
    }

    private static InfraMode ParseMode(string value) => Enum.TryParse<InfraMode>(value, ignoreCase: true, out var mode)
        ? mode
        : throw new ArgumentException($"Infra must be local, container or existing, not '{value}'.");
}
