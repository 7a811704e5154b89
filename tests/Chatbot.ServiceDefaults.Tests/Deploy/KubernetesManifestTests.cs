namespace Chatbot.ServiceDefaults.Tests.Deploy;

public sealed class KubernetesManifestTests
{
    private const string SecretName = "chatbot-connections";
    private const string ModerationApiKey = "Moderation__Provider__ApiKey";

    public static TheoryData<string> ServiceNames => new(RepoFiles.Services.Select(s => s.Name));

    [Fact]
    public void Kustomization_lists_existing_files_for_the_namespace_and_every_service()
    {
        var kustomization = RepoFiles.LoadYaml("deploy/k8s/base/kustomization.yaml").Single();
        var resources = RepoFiles.List(kustomization["resources"]).Cast<string>().ToList();

        Assert.Equal("chatbot", kustomization["namespace"]);
        Assert.Contains("namespace.yaml", resources);
        Assert.All(RepoFiles.Services, s => Assert.Contains($"{s.Name}.yaml", resources));
        Assert.All(resources, r => Assert.True(File.Exists(RepoFiles.PathOf($"deploy/k8s/base/{r}")), $"{r} does not exist"));
        Assert.DoesNotContain("secret.template.yaml", resources);
    }

    [Fact]
    public void Secret_template_holds_placeholders_only()
    {
        var secret = RepoFiles.LoadYaml("deploy/k8s/base/secret.template.yaml").Single();
        var data = RepoFiles.Map(secret["stringData"]);

        Assert.Equal(SecretName, RepoFiles.Map(secret["metadata"])["name"]);
        Assert.NotEmpty(data);
        Assert.All(data.Values.Cast<string>(), value => Assert.Matches("^<.*>$", value));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Deployment_serves_http_on_8080_and_probes_alive_and_health_on_its_management_port(string name)
    {
        var container = MainContainer(name);
        var ports = RepoFiles.List(container["ports"]).Select(RepoFiles.Map).ToDictionary(p => (string)p["name"], p => p["containerPort"].ToString());
        var environment = RepoFiles.List(container["env"]).Select(RepoFiles.Map).ToDictionary(e => (string)e["name"]);

        Assert.Equal(new Dictionary<string, string?> { ["http"] = "8080", ["management"] = "8081" }, ports);
        Assert.Equal(ports["management"], environment["Management__Port"]["value"]);
        Assert.Equal(("/alive", "management"), Probe(container, "livenessProbe"));
        Assert.Equal(("/alive", "management"), Probe(container, "startupProbe"));
        Assert.Equal(("/health", "management"), Probe(container, "readinessProbe"));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Deployment_environment_is_aspire_form_with_every_connection_string_from_the_secret(string name)
    {
        var (_, folder, _) = RepoFiles.Services.Single(s => s.Name == name);
        var secretKeys = RepoFiles.Map(RepoFiles.LoadYaml("deploy/k8s/base/secret.template.yaml").Single()["stringData"]).Keys.Cast<string>().ToHashSet();
        var environment = RepoFiles.List(MainContainer(name)["env"]).Select(RepoFiles.Map).ToDictionary(e => (string)e["name"]);

        Assert.All(environment.Keys, key => Assert.True(RepoFiles.IsAspireStyleVariable(key), $"{name}: '{key}' is not an Aspire-style variable"));
        Assert.Equal(name, environment["OTEL_SERVICE_NAME"]["value"]);
        foreach (var connection in RepoFiles.ConnectionNamesUsedBy(folder))
        {
            var key = $"ConnectionStrings__{connection}";
            Assert.True(environment.ContainsKey(key), $"{name} reads ConnectionStrings:{connection} but its Deployment does not set it");
            var reference = RepoFiles.Map(RepoFiles.Map(environment[key]["valueFrom"])["secretKeyRef"]);
            Assert.Equal(SecretName, reference["name"]);
            Assert.Contains((string)reference["key"], secretKeys);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Database_owning_deployment_migrates_in_an_init_container_and_has_a_service(string name)
    {
        var (_, folder, _) = RepoFiles.Services.Single(s => s.Name == name);
        var documents = RepoFiles.LoadYaml($"deploy/k8s/base/{name}.yaml");
        var pod = PodSpec(documents);
        var service = documents.Single(d => (string)d["kind"] == "Service");
        var servicePort = RepoFiles.Map(RepoFiles.List(RepoFiles.Map(service["spec"])["ports"]).Single());

        Assert.Equal(name, RepoFiles.Map(service["metadata"])["name"]);
        Assert.Equal("http", servicePort["targetPort"]); // the only one: the management port stays inside the pod network
        if (RepoFiles.ConnectionNamesUsedBy(folder).Any(c => c.EndsWith("db", StringComparison.Ordinal)))
        {
            var migrate = RepoFiles.Map(RepoFiles.List(pod["initContainers"]).Single());
            Assert.Equal(["--migrate"], RepoFiles.List(migrate["args"]));
            Assert.Equal(MainContainer(name)["image"], migrate["image"]);
        }
        else
        {
            Assert.False(pod.ContainsKey("initContainers"));
        }
    }

    private static Dictionary<object, object> PodSpec(List<Dictionary<object, object>> documents)
    {
        var deployment = documents.Single(d => (string)d["kind"] == "Deployment");
        var template = RepoFiles.Map(RepoFiles.Map(deployment["spec"])["template"]);
        return RepoFiles.Map(template["spec"]);
    }

    [Fact]
    public void Identity_trusts_forwarded_client_addresses_from_a_network_so_logins_through_chat_are_limited_per_client()
    {
        var environment = RepoFiles.List(MainContainer("identity")["env"]).Select(RepoFiles.Map).ToDictionary(e => (string)e["name"]);

        var network = (string)environment["ForwardedHeaders__KnownNetworks__0"]["value"];
        Assert.True(System.Net.IPNetwork.TryParse(network, out _), $"'{network}' is not a CIDR network");
    }

    [Fact]
    public void Moderation_reads_its_provider_api_key_from_the_secret_as_optional_so_the_stage_stays_off_without_it()
    {
        var environment = RepoFiles.List(MainContainer("moderation")["env"]).Select(RepoFiles.Map).ToDictionary(e => (string)e["name"]);
        var secretKeys = RepoFiles.Map(RepoFiles.LoadYaml("deploy/k8s/base/secret.template.yaml").Single()["stringData"]).Keys.Cast<string>();

        var reference = RepoFiles.Map(RepoFiles.Map(environment[ModerationApiKey]["valueFrom"])["secretKeyRef"]);
        Assert.Equal(SecretName, reference["name"]);
        Assert.Equal(ModerationApiKey, reference["key"]);
        Assert.Equal("true", reference["optional"]);
        Assert.Contains(ModerationApiKey, secretKeys);
    }

    private static Dictionary<object, object> MainContainer(string name) =>
        RepoFiles.List(PodSpec(RepoFiles.LoadYaml($"deploy/k8s/base/{name}.yaml"))["containers"]).Select(RepoFiles.Map).Single(c => (string)c["name"] == name);

    private static (string Path, string Port) Probe(Dictionary<object, object> container, string probe)
    {
        var get = RepoFiles.Map(RepoFiles.Map(container[probe])["httpGet"]);
        return ((string)get["path"], (string)get["port"]);
    }
}
