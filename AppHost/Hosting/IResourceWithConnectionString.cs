namespace Chatbot.AppHost.Hosting;

/// <summary>A resource a service reaches through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    /// <summary>The manifest expression, e.g. <c>Host={postgres.bindings.tcp.host};...</c>.</summary>
    string ConnectionStringExpression { get; }
}
