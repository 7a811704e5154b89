using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.AppHost.Publishing;

namespace Chatbot.AppHost.Tests;

public sealed class ManifestWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-manifest-").FullName;

    [Fact]
    public async Task Publisher_flag_writes_valid_json_with_every_resource_and_exits_0()
    {
        var path = Path.Combine(_folder, "aspire-manifest.json");

        var exitCode = await AppHostCommand.RunAsync(["--publisher", "manifest", "--output-path", path]);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var resources = document.RootElement.GetProperty("resources");
        var types = resources.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("type").GetString());
        Assert.Equal("container.v0", types["postgres"]);
        Assert.Equal("container.v0", types["redis"]);
        Assert.Equal("container.v0", types["rabbitmq"]);
        Assert.Equal("parameter.v0", types["postgres-password"]);
        foreach (var database in (string[])["identitydb", "chatdb", "moderationdb", "billingdb"])
        {
            Assert.Equal("value.v0", types[database]);
        }
        foreach (var service in (string[])["identity", "chat", "inference-worker", "moderation", "billing"])
        {
            Assert.Equal("project.v0", types[service]);
        }
    }

    [Fact]
    public void Projects_reference_connection_strings_and_services_by_expression()
    {
        var chat = Manifest()["chat"]!;

        Assert.Equal("../services/Chat/Chatbot.Chat.csproj", (string?)chat["path"]);
        Assert.Equal("{chatdb.connectionString}", (string?)chat["env"]!["ConnectionStrings__chatdb"]);
        Assert.Equal("{rabbitmq.connectionString}", (string?)chat["env"]!["ConnectionStrings__rabbitmq"]);
        Assert.Equal("{identity.bindings.http.url}", (string?)chat["env"]!["services__identity__http__0"]);
        Assert.Equal("http", (string?)chat["bindings"]!["http"]!["scheme"]);
        Assert.True((bool?)chat["bindings"]!["http"]!["external"]);
        Assert.Null(Manifest()["identity"]!["bindings"]!["http"]!["external"]);
    }

    [Fact]
    public void The_service_credential_is_a_secret_parameter_given_to_identity_moderation_and_chat()
    {
        var manifest = Manifest();

        Assert.True((bool?)manifest["service-credential"]!["inputs"]!["value"]!["secret"]);
        Assert.Equal("{service-credential.value}", (string?)manifest["identity"]!["env"]!["ServiceAuth__Credential"]);
        Assert.Equal("{service-credential.value}", (string?)manifest["chat"]!["env"]!["ServiceAuth__Credential"]);
        Assert.Equal("{service-credential.value}", (string?)manifest["moderation"]!["env"]!["ServiceAuth__Credential"]);
        Assert.Null(manifest["billing"]!["env"]!["ServiceAuth__Credential"]);
    }

    [Fact]
    public void Servers_and_databases_carry_Aspire_connection_string_expressions_and_bindings()
    {
        var manifest = Manifest();

        Assert.Equal("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
            (string?)manifest["postgres"]!["connectionString"]);
        Assert.Equal(5432, (int?)manifest["postgres"]!["bindings"]!["tcp"]!["targetPort"]);
        Assert.Equal("{postgres-password.value}", (string?)manifest["postgres"]!["env"]!["POSTGRES_PASSWORD"]);
        Assert.Equal("{postgres.connectionString};Database=chatdb", (string?)manifest["chatdb"]!["connectionString"]);
        Assert.Equal("amqp://guest:{rabbitmq-password.value}@{rabbitmq.bindings.tcp.host}:{rabbitmq.bindings.tcp.port}",
            (string?)manifest["rabbitmq"]!["connectionString"]);
        Assert.True((bool?)manifest["redis-password"]!["inputs"]!["value"]!["secret"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonNode Manifest() =>
        ManifestWriter.Create(ChatbotTopology.Create(), Projects.AppHostProject.Directory)["resources"]!;
}
