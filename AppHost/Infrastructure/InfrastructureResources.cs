using Chatbot.AppHost.Orchestration;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Connection strings for every server and database, and the runners that bring the servers up.</summary>
public sealed record InfrastructureResources(
    IReadOnlyDictionary<string, string> ConnectionStrings,
    IReadOnlyList<IResourceRunner> Runners);
