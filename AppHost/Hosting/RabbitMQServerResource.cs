namespace Chatbot.AppHost.Hosting;

/// <summary>RabbitMQ; the connection string is an <c>amqp://user:pass@host:port</c> URI.</summary>
public sealed class RabbitMQServerResource : ContainerResource, IResourceWithConnectionString
{
    public const string UserName = "guest";

    public RabbitMQServerResource(string name, ParameterResource password) : base(name, "docker.io/library/rabbitmq", "4.1", 5672, "tcp")
    {
        Password = password;
        Environment["RABBITMQ_DEFAULT_USER"] = UserName;
        DataPath = "/var/lib/rabbitmq";
        Environment["RABBITMQ_DEFAULT_PASS"] = $"{{{password.Name}.value}}";
    }

    public ParameterResource Password { get; }

    public string ConnectionStringExpression =>
        $"amqp://{UserName}:{{{Password.Name}.value}}@{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}";
}
