// The Chatbot.Aspire AppHost: the topology is in ChatbotTopology.cs, the engine in Orchestration/, the console in ConsoleUi/.
using Chatbot.AppHost;

return await AppHostCommand.RunAsync(args);
