namespace Chatbot.AppHost.Orchestration;

public static class HealthStatus
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
}
