namespace Chatbot.AppHost.Hosting;

/// <summary>Redis with a password (connection string <c>host:port,password=...</c>, as Aspire writes it).</summary>
public sealed class RedisResource : ContainerResource, IResourceWithConnectionString
{
    public RedisResource(string name, ParameterResource password) : base(name, "docker.io/library/redis", "7.4", 6379, "tcp")
    {
        Password = password;
        Args.AddRange(["--requirepass", $"{{{password.Name}.value}}"]);
        DataPath = "/data";
    }

    public ParameterResource Password { get; }

    public string ConnectionStringExpression =>
        $"{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}},password={{{Password.Name}.value}}";
}
