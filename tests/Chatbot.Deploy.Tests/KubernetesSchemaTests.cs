using Json.Schema;
using k8s;
using k8s.Models;

namespace Chatbot.Deploy.Tests;

/// <summary>
/// Every object of the Kubernetes base read strictly into the Kubernetes API models (an unknown or misspelt field
/// fails), the KEDA objects checked against a schema authored from KEDA's CRDs, and what the issue asks of them.
/// </summary>
public sealed class KubernetesSchemaTests
{
    private static readonly Dictionary<string, Type> Models = new()
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/Service"] = typeof(V1Service),
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["scheduling.k8s.io/v1/PriorityClass"] = typeof(V1PriorityClass),
        ["policy/v1/PodDisruptionBudget"] = typeof(V1PodDisruptionBudget),
        ["autoscaling/v2/HorizontalPodAutoscaler"] = typeof(V2HorizontalPodAutoscaler),
        ["networking.k8s.io/v1/NetworkPolicy"] = typeof(V1NetworkPolicy),
    };

    private static readonly List<string> BaseFileNames =
        [.. YamlFiles.List(YamlFiles.Load($"{KubernetesEnvironment.Base}/kustomization.yaml").Single()["resources"]).Cast<string>()];

    public static TheoryData<string> BaseFiles => new(BaseFileNames);

    [Theory]
    [MemberData(nameof(BaseFiles))]
    public void Every_object_matches_its_schema(string file)
    {
        var text = File.ReadAllText(RepoRoot.Of($"{KubernetesEnvironment.Base}/{file}"));
        var documents = YamlFiles.Load($"{KubernetesEnvironment.Base}/{file}");
        var json = YamlJson.Load($"{KubernetesEnvironment.Base}/{file}");
        var yamlDocuments = text.Split("\n---", StringSplitOptions.RemoveEmptyEntries).Where(d => d.Contains("kind:", StringComparison.Ordinal)).ToList();
        Assert.Equal(documents.Count, yamlDocuments.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var apiVersion = (string)documents[i]["apiVersion"];
            var kind = (string)documents[i]["kind"];
            if (apiVersion.StartsWith("keda.sh/", StringComparison.Ordinal))
            {
                var errors = SchemaCheck.Errors(KedaSchema, json[i]);
                Assert.True(errors.Length == 0, $"{file}: {kind} is not valid: {errors}");
                continue;
            }
            Assert.True(Models.TryGetValue($"{apiVersion}/{kind}", out var model), $"{file}: {apiVersion} {kind} is not a kind these tests know");
            var parsed = typeof(KubernetesYaml).GetMethods().Single(m => m.Name == "Deserialize" && m.IsGenericMethod
                    && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(string))
                .MakeGenericMethod(model).Invoke(null, [yamlDocuments[i], true]);
            Assert.NotNull(parsed);
        }
    }

    [Fact]
    public void Chat_scales_on_cpu_and_request_rate()
    {
        var hpa = Objects<V2HorizontalPodAutoscaler>("HorizontalPodAutoscaler").Single();

        Assert.Equal("chat", hpa.Spec.ScaleTargetRef.Name);
        Assert.Contains(hpa.Spec.Metrics, m => m.Type == "Resource" && m.Resource.Name == "cpu");
        Assert.Contains(hpa.Spec.Metrics, m => m.Type == "Pods" && m.Pods.Metric.Name == "http_requests_per_second");
        Assert.True(hpa.Spec.MinReplicas >= 2, "chat keeps two replicas so a rolling update or a node loss drops nothing");
    }

    [Theory]
    [InlineData("inference-worker", "services/InferenceWorker/Messaging/GenerateReplyConsumerDefinition.cs")]
    [InlineData("moderation", "services/Moderation/Flow/ModerateInputConsumerDefinition.cs")]
    public void Ai_work_scales_on_the_length_of_the_queue_it_consumes(string service, string consumerDefinition)
    {
        var scaled = Documents().Single(d => (string)d["kind"] == "ScaledObject" && (string)YamlFiles.Map(d["metadata"])["name"] == service);
        var spec = YamlFiles.Map(scaled["spec"]);
        var trigger = YamlFiles.Map(YamlFiles.List(spec["triggers"]).Single());
        var metadata = YamlFiles.Map(trigger["metadata"]);
        var authentication = (string)YamlFiles.Map(trigger["authenticationRef"])["name"];
        var queue = (string)metadata["queueName"];

        Assert.Equal(service, YamlFiles.Map(spec["scaleTargetRef"])["name"]);
        Assert.Equal("rabbitmq", trigger["type"]);
        Assert.Equal("QueueLength", metadata["mode"]);
        Assert.Contains($"EndpointName = \"{queue}\";", File.ReadAllText(RepoRoot.Of(consumerDefinition)));
        Assert.Contains(Documents(), d => (string)d["kind"] == "TriggerAuthentication" && (string)YamlFiles.Map(d["metadata"])["name"] == authentication);
    }

    [Fact]
    public void A_rolling_update_of_chat_never_goes_below_its_replicas_and_leaves_the_endpoints_before_it_stops()
    {
        var chat = Objects<V1Deployment>("Deployment").Single(d => d.Metadata.Name == "chat");
        var pod = chat.Spec.Template.Spec;
        var container = pod.Containers.Single(c => c.Name == "chat");

        Assert.Equal("RollingUpdate", chat.Spec.Strategy.Type);
        Assert.Equal("0", chat.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
        var preStop = container.Lifecycle.PreStop.Sleep.Seconds;
        Assert.True(preStop > 0 && preStop < pod.TerminationGracePeriodSeconds, "the preStop pause must leave time for the drain");
    }

    [Fact]
    public void Every_deployment_has_a_disruption_budget_resources_and_a_priority_below_the_api_for_ai_work()
    {
        var budgets = Objects<V1PodDisruptionBudget>("PodDisruptionBudget");
        var priorities = Objects<V1PriorityClass>("PriorityClass").ToDictionary(p => p.Metadata.Name, p => p.Value);
        foreach (var deployment in Objects<V1Deployment>("Deployment"))
        {
            var name = deployment.Metadata.Name;
            var pod = deployment.Spec.Template.Spec;
            Assert.Contains(budgets, b => b.Spec.Selector.MatchLabels["app.kubernetes.io/name"] == name);
            Assert.All(pod.Containers.Concat(pod.InitContainers ?? []), c =>
            {
                Assert.True(c.Resources?.Requests?.ContainsKey("cpu") == true && c.Resources.Requests.ContainsKey("memory") || c.Name == "migrate",
                    $"{name}/{c.Name} has no cpu and memory request");
                Assert.True(c.Resources?.Limits?.ContainsKey("memory") == true || c.Name == "migrate", $"{name}/{c.Name} has no memory limit");
            });
            var expected = name is "inference-worker" or "moderation" ? "chatbot-ai" : "chatbot-api";
            Assert.Equal(expected, pod.PriorityClassName);
        }
        Assert.True(priorities["chatbot-ai"] < priorities["chatbot-api"]);
    }

    [Fact]
    public void Only_chat_is_reachable_from_outside_and_identity_only_from_the_services()
    {
        var policies = Objects<V1NetworkPolicy>("NetworkPolicy");
        var denyAll = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null && p.Spec.PodSelector.MatchExpressions is null && p.Spec.Ingress is null);
        Assert.Contains("Ingress", denyAll.Spec.PolicyTypes);

        var open = policies.Where(p => p.Spec.Ingress?.Any(rule => rule.FromProperty is null) == true).ToList();
        var chat = Assert.Single(open);
        Assert.Equal("chat", chat.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);

        var identity = policies.Single(p => p.Spec.PodSelector.MatchLabels is { } labels
            && labels.TryGetValue("app.kubernetes.io/name", out var name) && name == "identity");
        var callers = identity.Spec.Ingress.SelectMany(r => r.FromProperty).SelectMany(f => f.PodSelector.MatchExpressions).SelectMany(e => e.Values);
        Assert.Equal(["billing", "chat", "inference-worker", "moderation"], callers.Order());
    }

    private static readonly JsonSchema KedaSchema = SchemaCheck.Load("keda.json");

    private static List<Dictionary<object, object>> Documents() =>
        BaseFileNames.SelectMany(file => YamlFiles.Load($"{KubernetesEnvironment.Base}/{file}")).ToList();

    private static List<T> Objects<T>(string kind) =>
        BaseFileNames
            .SelectMany(file => File.ReadAllText(RepoRoot.Of($"{KubernetesEnvironment.Base}/{file}")).Split("\n---"))
            .Where(text => System.Text.RegularExpressions.Regex.IsMatch(text, $"(?m)^kind: {kind}$"))
            .Select(text => KubernetesYaml.Deserialize<T>(text, strict: true))
            .ToList();
}
