using System.Text.RegularExpressions;

namespace Chatbot.ServiceDefaults.Tests.Deploy;

public sealed class ComposeFileTests
{
    private static readonly Dictionary<object, object> ComposeServices =
        RepoFiles.Map(RepoFiles.LoadYaml("deploy/compose.yaml").Single()["services"]);

    public static TheoryData<string> ServiceNames => new(RepoFiles.Services.Select(s => s.Name));

    [Fact]
    public void Infrastructure_and_every_service_are_defined()
    {
        string[] expected = ["postgres", "redis", "rabbitmq", .. RepoFiles.Services.Select(s => s.Name)];

        Assert.All(expected, name => Assert.True(ComposeServices.ContainsKey(name), $"compose.yaml has no service '{name}'"));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_builds_its_own_project_with_the_shared_dockerfile(string name)
    {
        var (_, folder, _) = RepoFiles.Services.Single(s => s.Name == name);
        var build = RepoFiles.Map(RepoFiles.Map(ComposeServices[name])["build"]);
        var project = (string)RepoFiles.Map(build["args"])["PROJECT"];

        Assert.Equal("..", build["context"]);
        Assert.Equal("deploy/Dockerfile", build["dockerfile"]);
        Assert.Equal($"services/{folder}/Chatbot.{folder}.csproj", project);
        Assert.True(File.Exists(RepoFiles.PathOf(project)), $"{project} does not exist");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_publishes_its_documented_port_and_matches_launch_settings(string name)
    {
        var (_, folder, port) = RepoFiles.Services.Single(s => s.Name == name);
        var ports = RepoFiles.List(RepoFiles.Map(ComposeServices[name])["ports"]);
        var launchSettings = File.ReadAllText(RepoFiles.PathOf($"services/{folder}/Properties/launchSettings.json"));

        Assert.Contains($"{port}:8080", ports);
        Assert.Contains($"localhost:{port}", launchSettings);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_gets_aspire_form_environment_with_every_connection_string_its_code_reads(string name)
    {
        var (_, folder, _) = RepoFiles.Services.Single(s => s.Name == name);
        var environment = RepoFiles.Map(RepoFiles.Map(ComposeServices[name])["environment"])
            .ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? string.Empty);

        Assert.All(environment.Keys, key => Assert.True(RepoFiles.IsAspireStyleVariable(key), $"{name}: '{key}' is not an Aspire-style variable"));
        Assert.Equal(name, environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
        foreach (var connection in RepoFiles.ConnectionNamesUsedBy(folder))
        {
            Assert.True(environment.ContainsKey($"ConnectionStrings__{connection}"), $"{name} reads ConnectionStrings:{connection} but compose does not set it");
        }
        foreach (var (key, value) in environment.Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)))
        {
            var target = key.Split("__")[1];
            Assert.True(ComposeServices.ContainsKey(target), $"{key} points at unknown service {target}");
            Assert.Equal($"http://{target}:8080", value);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Database_owning_service_starts_after_its_migration_job(string name)
    {
        var (_, folder, _) = RepoFiles.Services.Single(s => s.Name == name);
        var ownsDatabase = RepoFiles.ConnectionNamesUsedBy(folder).Any(c => c.EndsWith("db", StringComparison.Ordinal));
        var dependsOn = RepoFiles.Map(RepoFiles.Map(ComposeServices[name])["depends_on"]);

        if (!ownsDatabase)
        {
            Assert.DoesNotContain($"{name}-migrate", dependsOn.Keys);
            return;
        }
        var condition = RepoFiles.Map(dependsOn[$"{name}-migrate"])["condition"];
        var job = RepoFiles.Map(ComposeServices[$"{name}-migrate"]);
        Assert.Equal("service_completed_successfully", condition);
        Assert.Equal(["--migrate"], RepoFiles.List(job["command"]));
    }

    [Fact]
    public void Moderation_gets_its_provider_api_key_from_the_env_file_empty_by_default()
    {
        var environment = RepoFiles.Map(RepoFiles.Map(ComposeServices["moderation"])["environment"]);
        var example = File.ReadAllLines(RepoFiles.PathOf("deploy/.env.example"));

        Assert.Equal("${MODERATION_PROVIDER_API_KEY:-}", environment["Moderation__Provider__ApiKey"]);
        Assert.Contains("MODERATION_PROVIDER_API_KEY=", example);
    }

    [Fact]
    public void Postgres_init_script_creates_every_database_a_service_connects_to()
    {
        var script = File.ReadAllText(RepoFiles.PathOf("deploy/postgres-init.sql"));
        var databases = ComposeServices.Values
            .Select(RepoFiles.Map)
            .Where(s => s.ContainsKey("environment"))
            .SelectMany(s => RepoFiles.Map(s["environment"]).Values)
            .Select(v => Regex.Match(v?.ToString() ?? string.Empty, "(?<![A-Za-z])Database=([a-z0-9]+)"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.Equal(4, databases.Count);
        Assert.All(databases, db => Assert.Contains($"CREATE DATABASE {db};", script));
    }
}
