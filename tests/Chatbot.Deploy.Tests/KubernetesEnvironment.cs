namespace Chatbot.Deploy.Tests;

/// <summary>The environment a Kubernetes container gets from its manifest: literal values (with <c>$(VAR)</c> expanded),
/// <c>fieldRef</c>s and <c>secretKeyRef</c>s, each of which must name a key of <c>secret.template.yaml</c> unless optional.</summary>
internal static class KubernetesEnvironment
{
    public const string Base = "deploy/k8s/base";

    public static Dictionary<object, object> Deployment(string service) =>
        YamlFiles.Load($"{Base}/{service}.yaml").Single(d => (string)d["kind"] == "Deployment");

    /// <summary>The env of the container named <paramref name="container"/> (the service, or the init container <c>migrate</c>).</summary>
    public static Dictionary<string, string> For(string service, string container, IReadOnlyDictionary<string, string> secretValues)
    {
        var secretKeys = YamlFiles.Map(YamlFiles.Load($"{Base}/secret.template.yaml").Single()["stringData"]).Keys.Cast<string>().ToHashSet();
        var pod = YamlFiles.Map(YamlFiles.Map(YamlFiles.Map(Deployment(service)["spec"])["template"])["spec"]);
        var spec = YamlFiles.List(pod.GetValueOrDefault("containers")).Concat(YamlFiles.List(pod.GetValueOrDefault("initContainers")))
            .Select(YamlFiles.Map).Single(c => (string)c["name"] == container);
        var environment = new Dictionary<string, string>();
        foreach (var entry in YamlFiles.List(spec.GetValueOrDefault("env")).Select(YamlFiles.Map))
        {
            var name = (string)entry["name"];
            if (YamlFiles.Text(entry, "value") is { } value)
            {
                environment[name] = environment.Aggregate(value, (text, known) => text.Replace($"$({known.Key})", known.Value, StringComparison.Ordinal));
                continue;
            }
            var from = YamlFiles.Map(entry["valueFrom"]);
            if (from.TryGetValue("fieldRef", out _))
            {
                environment[name] = $"{service}-0";
            }
            else
            {
                var secret = YamlFiles.Map(from["secretKeyRef"]);
                var key = (string)secret["key"];
                var optional = YamlFiles.Text(secret, "optional") == "true";
                Assert.True(optional || secretKeys.Contains(key), $"{service}/{container}: {name} reads secret key {key}, which secret.template.yaml lacks");
                if (!optional)
                {
                    environment[name] = secretValues.TryGetValue(key, out var secretValue) ? secretValue : $"<{key}>";
                }
            }
        }
        return environment;
    }
}
