namespace Chatbot.AppHost.Hosting;

public static class ResourceExtensions
{
    /// <summary>Adds references (connection strings, service endpoints) and the matching start-order edges.</summary>
    public static T WithReference<T>(this T resource, params Resource[] references) where T : Resource
    {
        resource.References.AddRange(references);
        return resource;
    }

    public static ProjectResource WithExternalHttpEndpoints(this ProjectResource project)
    {
        project.ExternalHttpEndpoints = true;
        return project;
    }
}
