using Chatbot.AppHost.Orchestration;
using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Tests;

public sealed class PortAllocatorTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("chatbot-ports-").FullName;

    private static readonly Dictionary<string, int> NoOverrides = [];

    [Fact]
    public void Free_ports_are_free_and_never_handed_out_twice()
    {
        var allocator = new PortAllocator(useFreePorts: true);

        var ports = Enumerable.Range(0, 50).Select(i => allocator.Allocate($"r{i}", 5080, NoOverrides)).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.False(PortAllocator.IsInUse(p)));
        Assert.DoesNotContain(5080, ports);
    }

    [Fact]
    public void Defaults_are_used_outside_test_mode_and_overrides_always_win()
    {
        var allocator = new PortAllocator(useFreePorts: false);
        var overrides = new Dictionary<string, int> { ["chat"] = 6080 };

        Assert.Equal(5081, allocator.Allocate("identity", 5081, overrides));
        Assert.Equal(6080, allocator.Allocate("chat", 5080, overrides));
        Assert.Equal(6080, new PortAllocator(useFreePorts: true).Allocate("chat", 5080, overrides));
    }

    [Fact]
    public void A_port_flag_moves_the_service_and_its_url_in_dependants()
    {
        var options = AppHostOptionsParser.Parse(["--port", "identity=6081", "--state-dir", _state]);
        options.Infra = InfraMode.Existing;

        var orchestrator = new AppHostOrchestrator(ChatbotTopology.Create(), options);

        Assert.Equal(new Uri("http://localhost:6081"), orchestrator.GetEndpoint("identity"));
        Assert.Equal(5080, orchestrator.GetEndpoint("chat").Port);
    }

    [Fact]
    public void Test_mode_never_uses_the_default_ports()
    {
        var options = new AppHostOptions { UseFreePorts = true, Infra = InfraMode.Local, StateDirectory = _state };

        var orchestrator = new AppHostOrchestrator(ChatbotTopology.Create(), options);

        int[] defaults = [5080, 5081, 5082, 5083, 5084, 5432, 6379, 5672];
        Assert.All(orchestrator.Ports.Values, p => Assert.DoesNotContain(p, defaults));
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
