using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.AppHost.Hosting;

namespace Chatbot.AppHost.Publishing;

/// <summary>
/// Writes the Aspire manifest (<c>--publisher manifest --output-path file</c>) that azd deploys: parameters as
/// <c>parameter.v0</c>, servers as <c>container.v0</c>, databases as <c>value.v0</c>, services as <c>project.v0</c>,
/// with <c>{resource.connectionString}</c> / <c>{resource.bindings.http.url}</c> expressions as Aspire writes them.
/// </summary>
public static class ManifestWriter
{
    public const string Schema = "https://json.schemastore.org/aspire-8.0.json";

    public static async Task WriteAsync(DistributedApplicationModel model, string outputPath, CancellationToken ct = default)
    {
        var fullPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var manifest = Create(model, Path.GetDirectoryName(fullPath)!);
        await File.WriteAllTextAsync(fullPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
    }

    /// <summary>The manifest as JSON; project paths are relative to <paramref name="manifestDirectory"/>.</summary>
    public static JsonObject Create(DistributedApplicationModel model, string manifestDirectory)
    {
        var resources = new JsonObject();
        foreach (var resource in model.Resources)
        {
            resources[resource.Name] = resource switch
            {
                ParameterResource parameter => Parameter(parameter),
                ContainerResource container => Container(container),
                PostgresDatabaseResource database => new JsonObject
                {
                    ["type"] = "value.v0",
                    ["connectionString"] = database.ConnectionStringExpression,
                },
                ProjectResource project => Project(project, manifestDirectory),
                _ => throw new NotSupportedException($"No manifest form for {resource.GetType().Name} '{resource.Name}'."),
            };
        }
        return new JsonObject { ["$schema"] = Schema, ["resources"] = resources };
    }

    private static JsonObject Parameter(ParameterResource parameter) => new()
    {
        ["type"] = "parameter.v0",
        ["value"] = $"{{{parameter.Name}.inputs.value}}",
        ["inputs"] = new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["type"] = "string",
                ["secret"] = parameter.Secret,
                ["default"] = new JsonObject { ["generate"] = new JsonObject { ["minLength"] = 22, ["special"] = false } },
            },
        },
    };

    private static JsonObject Container(ContainerResource container)
    {
        var json = new JsonObject { ["type"] = "container.v0" };
        if (container is IResourceWithConnectionString withConnectionString)
        {
            json["connectionString"] = withConnectionString.ConnectionStringExpression;
        }
        json["image"] = $"{container.Image}:{container.Tag}";
        if (container.Args.Count > 0)
        {
            json["args"] = new JsonArray([.. container.Args.Select(a => (JsonNode)a)]);
        }
        json["env"] = ToJson(container.Environment);
        json["bindings"] = new JsonObject
        {
            [container.Scheme] = new JsonObject
            {
                ["scheme"] = container.Scheme,
                ["protocol"] = "tcp",
                ["transport"] = "tcp",
                ["targetPort"] = container.TargetPort,
            },
        };
        return json;
    }

    private static JsonObject Project(ProjectResource project, string manifestDirectory)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["HTTP_PORTS"] = $"{{{project.Name}.bindings.http.targetPort}}",
        };
        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString resource:
                    env[$"ConnectionStrings__{resource.Name}"] = $"{{{resource.Name}.connectionString}}";
                    break;
                case ProjectResource other:
                    env[$"services__{other.Name}__http__0"] = $"{{{other.Name}.bindings.http.url}}";
                    break;
            }
        }
        foreach (var (name, value) in project.Environment)
        {
            env[name] = value;
        }
        foreach (var (name, parameter) in project.Secrets)
        {
            env[name] = $"{{{parameter.Name}.value}}";
        }
        var http = new JsonObject { ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http" };
        if (project.ExternalHttpEndpoints)
        {
            http["external"] = true;
        }
        return new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(manifestDirectory, project.Project.ProjectPath),
            ["env"] = ToJson(env),
            ["bindings"] = new JsonObject { ["http"] = http },
        };
    }

    private static JsonObject ToJson(IEnumerable<KeyValuePair<string, string>> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value;
        }
        return json;
    }
}
