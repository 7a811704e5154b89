using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Tests;

public sealed class ServiceEnvironmentBuilderTests
{
    private static readonly DistributedApplicationModel Model = ChatbotTopology.Create();

    private static readonly Dictionary<string, string> ConnectionStrings = new()
    {
        ["postgres"] = "Host=localhost;Port=1;Username=postgres;Password=p",
        ["identitydb"] = "Host=localhost;Port=1;Username=postgres;Password=p;Database=identitydb",
        ["chatdb"] = "Host=localhost;Port=1;Username=postgres;Password=p;Database=chatdb",
        ["moderationdb"] = "Host=localhost;Port=1;Username=postgres;Password=p;Database=moderationdb",
        ["billingdb"] = "Host=localhost;Port=1;Username=postgres;Password=p;Database=billingdb",
        ["redis"] = "localhost:2,password=r",
        ["rabbitmq"] = "amqp://guest:q@localhost:3",
    };

    private static readonly Dictionary<string, Uri> Endpoints = new()
    {
        ["chat"] = new("http://localhost:5080"),
        ["identity"] = new("http://localhost:5081"),
        ["inference-worker"] = new("http://localhost:5082"),
        ["moderation"] = new("http://localhost:5083"),
        ["billing"] = new("http://localhost:5084"),
    };

    private const string StateFolder = "/srv/state";

    private static SortedDictionary<string, string> Build(string service, AppHostOptions? options = null) =>
        ServiceEnvironmentBuilder.Build((ProjectResource)Model[service], Endpoints[service], "abc123", ConnectionStrings, Endpoints,
            options ?? new AppHostOptions(), StateFolder, p => "generated-" + p.Name);

    [Fact]
    public void Chat_gets_exactly_the_variables_Aspire_would_give_it()
    {
        var environment = Build("chat");

        Assert.Equal(
        [
            "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ConnectionStrings__chatdb", "ConnectionStrings__rabbitmq",
            "ConnectionStrings__redis", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_SERVICE_NAME", "ServiceAuth__Credential", "services__billing__http__0",
            "services__identity__http__0", "services__inference-worker__http__0", "services__moderation__http__0",
        ], environment.Keys);
        Assert.Equal("http://localhost:5080", environment["ASPNETCORE_URLS"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("chat", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=abc123", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal(ConnectionStrings["chatdb"], environment["ConnectionStrings__chatdb"]);
        Assert.Equal("amqp://guest:q@localhost:3", environment["ConnectionStrings__rabbitmq"]);
        Assert.Equal("http://localhost:5081", environment["services__identity__http__0"]);
    }

    [Theory]
    [InlineData("identity", "identitydb")]
    [InlineData("moderation", "moderationdb")]
    [InlineData("billing", "billingdb")]
    public void A_service_gets_its_own_database_only_and_identity(string service, string database)
    {
        var environment = Build(service);

        Assert.Equal(ConnectionStrings[database], environment[$"ConnectionStrings__{database}"]);
        Assert.Single(environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && k.EndsWith("db", StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings__redis", environment.Keys);
        Assert.Contains("ConnectionStrings__rabbitmq", environment.Keys);
        if (service != "identity")
        {
            Assert.Equal("http://localhost:5081", environment["services__identity__http__0"]);
        }
    }

    [Fact]
    public void Inference_worker_has_no_database_and_only_identity_as_service()
    {
        var environment = Build("inference-worker");

        Assert.DoesNotContain(environment.Keys, k => k.EndsWith("db", StringComparison.Ordinal));
        Assert.Equal(["services__identity__http__0"], environment.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)));
    }

    [Fact]
    public void Identity_moderation_chat_and_the_worker_share_the_generated_service_credential_and_billing_does_not_get_it()
    {
        // The worker signs tool calls with a key derived from it (docs/tools.md); billing calls no internal route.
        foreach (var service in new[] { "identity", "chat", "moderation", "inference-worker" })
        {
            Assert.Equal("generated-service-credential", Build(service)["ServiceAuth__Credential"]);
        }
        Assert.DoesNotContain("ServiceAuth__Credential", Build("billing").Keys);
        var noSecrets = () => ServiceEnvironmentBuilder.Build((ProjectResource)Model["chat"], Endpoints["chat"], "x", ConnectionStrings, Endpoints,
            new AppHostOptions(), StateFolder);
        Assert.Contains("service-credential", Assert.Throws<InvalidOperationException>(noSecrets).Message);
    }

    [Fact]
    public void Otlp_endpoint_is_passed_only_when_configured()
    {
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", Build("chat").Keys);

        var environment = Build("chat", new AppHostOptions { OtlpEndpoint = "http://localhost:4317" });

        Assert.Equal("http://localhost:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public void Overrides_replace_or_add_variables_of_that_service_only()
    {
        var options = new AppHostOptions { EnvironmentName = "Testing" };
        options.Environment["chat"] = new() { ["Chat__MaxTokens"] = "5", ["ASPNETCORE_ENVIRONMENT"] = "Staging" };

        Assert.Equal("5", Build("chat", options)["Chat__MaxTokens"]);
        Assert.Equal("Staging", Build("chat", options)["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Testing", Build("identity", options)["ASPNETCORE_ENVIRONMENT"]);
        Assert.DoesNotContain("Chat__MaxTokens", Build("identity", options).Keys);
    }

    [Fact]
    public void Variables_declared_in_the_topology_are_passed_and_test_overrides_win()
    {
        var model = ChatbotTopology.Create();
        var worker = ((ProjectResource)model["inference-worker"]).WithEnvironment("Inference__Provider", "Simulator");
        var options = new AppHostOptions();
        options.Environment["inference-worker"] = new() { ["Inference__Provider"] = "OpenAI" };

        var declared = ServiceEnvironmentBuilder.Build(worker, Endpoints["inference-worker"], "x", ConnectionStrings, Endpoints, new AppHostOptions(), StateFolder,
            p => "generated-" + p.Name);
        var overridden = ServiceEnvironmentBuilder.Build(worker, Endpoints["inference-worker"], "x", ConnectionStrings, Endpoints, options, StateFolder,
            p => "generated-" + p.Name);

        Assert.Equal("Simulator", declared["Inference__Provider"]);
        Assert.Equal("OpenAI", overridden["Inference__Provider"]);
    }

    [Fact]
    public void Development_files_of_identity_and_billing_live_in_the_resolved_state_folder_whatever_the_option_says()
    {
        // The option as typed: empty means .state/ next to the solution; only the resolved folder is a usable root.
        var environment = Build("identity", new AppHostOptions { StateDirectory = "" });

        Assert.Equal("admin@chatbot.local", environment["Identity__BootstrapAdmin__Email"]);
        Assert.Equal("/srv/state/identity/bootstrap-admin-password", environment["Identity__BootstrapAdmin__PasswordFile"]);
        Assert.Equal("/srv/state/mail", environment["Identity__Email__PickupDirectory"]);
        Assert.Equal("/srv/state/mail", Build("billing", new AppHostOptions { StateDirectory = "relative/state" })["Billing__Email__PickupDirectory"]);
    }
}
