namespace Chatbot.AppHost;

/// <summary>Where PostgreSQL, Redis and RabbitMQ come from.</summary>
public enum InfraMode
{
    /// <summary>Local processes from the installed binaries, state in the state folder.</summary>
    Local,

    /// <summary>Containers, when a Docker engine answers.</summary>
    Container,

    /// <summary>Servers that already run, given as <c>ConnectionStrings:postgres|redis|rabbitmq</c>.</summary>
    Existing,
}
