namespace Chatbot.AppHost.Hosting;

/// <summary>One PostgreSQL server; each service database is a child <see cref="PostgresDatabaseResource"/>.</summary>
public sealed class PostgresServerResource : ContainerResource, IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public PostgresServerResource(string name, ParameterResource password) : base(name, "docker.io/library/postgres", "17.6", 5432, "tcp")
    {
        Password = password;
        Environment["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256";
        Environment["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256";
        Environment["POSTGRES_USER"] = UserName;
        DataPath = "/var/lib/postgresql/data";
        Environment["POSTGRES_PASSWORD"] = $"{{{password.Name}.value}}";
    }

    public ParameterResource Password { get; }

    public List<PostgresDatabaseResource> Databases { get; } = [];

    public string ConnectionStringExpression =>
        $"Host={{{Name}.bindings.tcp.host}};Port={{{Name}.bindings.tcp.port}};Username={UserName};Password={{{Password.Name}.value}}";
}
