using Chatbot.AppHost.ConsoleUi;
using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Tests;

public sealed class ResourceTableTests
{
    [Fact]
    public void Shows_resource_state_health_url_and_restarts_in_aligned_columns()
    {
        var lines = ResourceTable.Render(
        [
            new ResourceSnapshot("chat", "Project") { State = "Running", Health = "Healthy", Url = "http://localhost:5080", Restarts = 2 },
            new ResourceSnapshot("postgres", "PostgreSQL") { State = "Starting" },
        ]);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["RESOURCE", "TYPE", "STATE", "HEALTH", "URL", "RESTARTS"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["chat", "Project", "Running", "Healthy", "http://localhost:5080", "2"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(lines[0].IndexOf("STATE", StringComparison.Ordinal), lines[2].IndexOf("Starting", StringComparison.Ordinal));
    }
}
