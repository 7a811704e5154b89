using Chatbot.AppHost.Hosting;

namespace Chatbot.Deploy.Tests;

/// <summary>The five services, their built assemblies, and which of them own a database (and so run <c>--migrate</c> first).</summary>
internal static class ServiceProjects
{
    public static readonly string[] StartOrder = ["identity", "moderation", "billing", "inference-worker", "chat"];

    public static readonly string[] WithDatabase = ["identity", "chat", "moderation", "billing"];

    public static IProjectMetadata Of(string service) => service switch
    {
        "identity" => new Projects.Chatbot_Identity(),
        "chat" => new Projects.Chatbot_Chat(),
        "moderation" => new Projects.Chatbot_Moderation(),
        "billing" => new Projects.Chatbot_Billing(),
        "inference-worker" => new Projects.Chatbot_InferenceWorker(),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a service"),
    };
}
