using System.Text.Json.Nodes;
using Chatbot.AppHost;
using Chatbot.AppHost.Publishing;
using Json.Schema;

namespace Chatbot.Deploy.Tests;

/// <summary>azd's input: the AppHost's Aspire manifest, checked against the published manifest schema (Schemas/aspire-manifest.json
/// is authored from it), and azure.yaml pointing azd at that AppHost.</summary>
public sealed class AspireManifestTests
{
    private static readonly JsonSchema Schema = SchemaCheck.Load("aspire-manifest.json");

    [Fact]
    public void The_apphost_manifest_matches_the_aspire_manifest_schema()
    {
        var manifest = ManifestWriter.Create(ChatbotTopology.Create(), RepoRoot.Of("AppHost"));

        var errors = SchemaCheck.Errors(Schema, manifest);

        Assert.True(errors.Length == 0, errors);
        Assert.Equal(ManifestWriter.Schema, manifest["$schema"]?.GetValue<string>());
    }

    [Fact]
    public void The_schema_refuses_a_project_without_a_path()
    {
        var manifest = ManifestWriter.Create(ChatbotTopology.Create(), RepoRoot.Of("AppHost"));
        var chat = manifest["resources"]!["chat"]!.AsObject();
        chat.Remove("path");
        var broken = new JsonObject { ["resources"] = new JsonObject { ["chat"] = chat.DeepClone() } };

        Assert.NotEmpty(SchemaCheck.Errors(Schema, broken));
    }

    [Fact]
    public void Azure_yaml_deploys_the_apphost_whose_manifest_holds_the_five_services()
    {
        var azure = YamlFiles.Load("azure.yaml").Single();
        var app = YamlFiles.Map(YamlFiles.Map(azure["services"])["app"]);
        var resources = ManifestWriter.Create(ChatbotTopology.Create(), RepoRoot.Of("AppHost"))["resources"]!.AsObject();

        Assert.Equal("./AppHost", app["project"]);
        Assert.Equal("containerapp", app["host"]);
        Assert.True(File.Exists(RepoRoot.Of("AppHost/Chatbot.AppHost.csproj")));
        foreach (var service in ServiceProjects.StartOrder)
        {
            Assert.Equal("project.v0", resources[service]?["type"]?.GetValue<string>());
        }
    }
}
