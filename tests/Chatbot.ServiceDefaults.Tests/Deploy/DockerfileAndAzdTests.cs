using System.Text.RegularExpressions;

namespace Chatbot.ServiceDefaults.Tests.Deploy;

public sealed class DockerfileAndAzdTests
{
    [Fact]
    public void Dockerfile_is_multi_stage_and_copies_only_paths_that_exist()
    {
        var dockerfile = File.ReadAllText(RepoFiles.PathOf("deploy/Dockerfile"));
        var defaultProject = Regex.Match(dockerfile, @"^ARG PROJECT=(\S+)$", RegexOptions.Multiline).Groups[1].Value;
        var copies = Regex.Matches(dockerfile, @"^COPY (?!--from)(.+)$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));

        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:\S+ AS build$", dockerfile);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:\S+ AS final$", dockerfile);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        Assert.True(File.Exists(RepoFiles.PathOf(defaultProject)), $"default PROJECT {defaultProject} does not exist");
        Assert.All(copies, source => Assert.True(
            File.Exists(RepoFiles.PathOf(source)) || Directory.Exists(RepoFiles.PathOf(source)), $"COPY source {source} does not exist"));
    }

    [Fact]
    public void Azd_deploys_the_apphost_to_container_apps()
    {
        var app = RepoFiles.Map(RepoFiles.Map(RepoFiles.LoadYaml("azure.yaml").Single()["services"])["app"]);

        Assert.Equal("./AppHost", app["project"]);
        Assert.Equal("containerapp", app["host"]);
        Assert.Equal("dotnet", app["language"]);
        var appHost = RepoFiles.PathOf("AppHost");
        if (Directory.Exists(appHost))
        {
            var project = Directory.EnumerateFiles(appHost, "*.csproj").Single();
            Assert.Contains("<IsAspireHost>true</IsAspireHost>", File.ReadAllText(project));
        }
    }
}
