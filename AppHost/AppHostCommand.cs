using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost;

public static class AppHostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = AppHostOptionsParser.Parse(args);
        await using var orchestrator = new AppHostOrchestrator(ChatbotTopology.Create(), options);
        await orchestrator.StartAsync();
        return 0;
    }
}
