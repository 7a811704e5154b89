using Chatbot.AppHost.Hosting;

namespace Chatbot.AppHost.Orchestration;

/// <summary>
/// The exact environment Aspire gives a project resource, plus the caller's overrides. State paths are rooted in
/// <c>stateDirectory</c>, the resolved state folder (an absolute path), never in the option as typed: an empty option
/// means <c>.state/</c>, and a relative path would land in the service's working directory.
/// </summary>
public static class ServiceEnvironmentBuilder
{
    public static SortedDictionary<string, string> Build(
        ProjectResource service,
        Uri endpoint,
        string instanceId,
        IReadOnlyDictionary<string, string> connectionStrings,
        IReadOnlyDictionary<string, Uri> serviceEndpoints,
        AppHostOptions options,
        string stateDirectory,
        Func<ParameterResource, string>? secretValue = null)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = endpoint.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}",
        };
        if (options.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
        }
        foreach (var reference in service.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString resource:
                    environment[$"ConnectionStrings__{resource.Name}"] = connectionStrings.TryGetValue(resource.Name, out var value)
                        ? value
                        : throw new InvalidOperationException($"No connection string for '{resource.Name}' (referenced by '{service.Name}').");
                    break;
                case ProjectResource other:
                    environment[$"services__{other.Name}__http__0"] = serviceEndpoints[other.Name].ToString().TrimEnd('/');
                    break;
            }
        }
        foreach (var (name, declared) in service.Environment)
        {
            environment[name] = declared;
        }
        foreach (var (name, parameter) in service.Secrets)
        {
            environment[name] = secretValue?.Invoke(parameter)
                ?? throw new InvalidOperationException($"No value for the secret '{parameter.Name}' (variable {name} of '{service.Name}').");
        }
        foreach (var (name, relativePath) in service.StatePaths)
        {
            environment[name] = Path.Combine(stateDirectory, relativePath);
        }
        if (options.Environment.TryGetValue(service.Name, out var overrides))
        {
            foreach (var (name, overrideValue) in overrides)
            {
                environment[name] = overrideValue;
            }
        }
        return environment;
    }
}
