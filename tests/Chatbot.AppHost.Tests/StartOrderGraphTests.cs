using Chatbot.AppHost.Hosting;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Tests;

public sealed class StartOrderGraphTests
{
    [Fact]
    public void Identity_starts_first_chat_last_the_others_in_between()
    {
        var graph = new StartOrderGraph(ChatbotTopology.Create().Projects);

        Assert.Equal(3, graph.Waves.Count);
        Assert.Equal(["identity"], graph.Waves[0]);
        Assert.Equal(["billing", "inference-worker", "moderation"], graph.Waves[1]);
        Assert.Equal(["chat"], graph.Waves[2]);
        Assert.Equal(["identity", "inference-worker", "moderation", "billing"], graph.DependenciesOf("chat"));
    }

    [Fact]
    public void Only_selected_services_are_waited_for()
    {
        var model = ChatbotTopology.Create();
        var graph = new StartOrderGraph([(ProjectResource)model["identity"], (ProjectResource)model["chat"]]);

        Assert.Equal(["identity"], graph.DependenciesOf("chat"));
        Assert.Equal([["identity"], ["chat"]], graph.Waves);
    }

    [Fact]
    public void A_reference_cycle_is_reported()
    {
        var builder = new DistributedApplicationModelBuilder();
        var a = builder.AddProject("a", new FakeProject(), 1);
        var b = builder.AddProject("b", new FakeProject(), 2).WithReference(a);
        a.WithReference(b);

        var error = Assert.Throws<InvalidOperationException>(() => new StartOrderGraph([a, b]));

        Assert.Contains("cycle", error.Message);
    }

    private sealed class FakeProject : IProjectMetadata
    {
        public string ProjectPath => "/x.csproj";
        public string AssemblyPath => "/x.dll";
    }
}
