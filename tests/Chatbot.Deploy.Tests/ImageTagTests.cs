using System.Text.RegularExpressions;

namespace Chatbot.Deploy.Tests;

/// <summary>Images are named by release (<c>&lt;VERSION&gt;-&lt;commit&gt;</c>), never <c>latest</c>, so a rollback is
/// re-applying the previous tag (docs/deploy.md).</summary>
public sealed class ImageTagTests
{
    private static readonly string Version = File.ReadAllText(RepoRoot.Of("VERSION")).Trim();

    [Fact]
    public void The_prod_overlay_pins_every_service_image_to_a_version_and_commit()
    {
        var images = YamlFiles.List(YamlFiles.Load("deploy/k8s/overlays/prod/kustomization.yaml").Single()["images"]).Select(YamlFiles.Map).ToList();

        Assert.Equal(ServiceProjects.StartOrder.Select(s => $"chatbot/{s}").Order(), images.Select(i => (string)i["name"]).Order());
        Assert.All(images, image => Assert.Matches($"^{Regex.Escape(Version)}-[0-9a-f]{{12}}$", (string)image["newTag"]));
    }

    [Fact]
    public void The_base_names_no_tag_and_compose_requires_one()
    {
        var baseImages = Directory.EnumerateFiles(RepoRoot.Of(KubernetesEnvironment.Base), "*.yaml")
            .SelectMany(File.ReadLines).Where(line => line.TrimStart().StartsWith("image:", StringComparison.Ordinal)).ToList();
        var composeImages = ComposeEnvironment.Services().Values.Select(YamlFiles.Map)
            .Select(s => YamlFiles.Text(s, "image")).OfType<string>().Where(i => i.StartsWith("chatbot/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(baseImages);
        Assert.All(baseImages, line => Assert.Matches(@"image: chatbot/[a-z\-]+$", line.Trim()));
        Assert.NotEmpty(composeImages);
        var serviceImages = composeImages.Where(i => ServiceProjects.StartOrder.Any(s => i.StartsWith($"chatbot/{s}:", StringComparison.Ordinal))).ToList();
        Assert.Equal(ServiceProjects.StartOrder.Length, serviceImages.Distinct().Count());
        Assert.All(serviceImages, image => Assert.EndsWith(":${TAG:?set TAG in deploy/.env}", image));
        Assert.All(composeImages.Except(serviceImages), image => Assert.Matches(@":\$\{INFRA_TAG:-[0-9]+\.[0-9]+\.[0-9]+\}$", image));
        Assert.DoesNotContain(File.ReadLines(RepoRoot.Of("deploy/.env.example")), line => line.Trim() == "TAG=latest");
    }
}
