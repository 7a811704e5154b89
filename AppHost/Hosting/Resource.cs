namespace Chatbot.AppHost.Hosting;

/// <summary>Anything the AppHost models: a server, a database, a parameter or a service. Names are lower-kebab.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    /// <summary>Resources this one uses; they become environment variables and start-order edges.</summary>
    public List<Resource> References { get; } = [];

    public override string ToString() => Name;
}
