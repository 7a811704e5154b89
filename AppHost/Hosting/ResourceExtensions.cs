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

    /// <summary>A fixed environment variable of a service (e.g. a feature switch every run needs).</summary>
    public static ProjectResource WithEnvironment(this ProjectResource project, string name, string value)
    {
        project.Environment[name] = value;
        return project;
    }

    /// <summary>A variable set to the generated secret <paramref name="parameter"/> (the same value for every service given it).</summary>
    public static ProjectResource WithSecret(this ProjectResource project, string name, ParameterResource parameter)
    {
        project.Secrets[name] = parameter;
        return project;
    }

    /// <summary>A variable set to <paramref name="relativePath"/> inside the state folder of the run.</summary>
    public static ProjectResource WithStatePath(this ProjectResource project, string name, string relativePath)
    {
        project.StatePaths[name] = relativePath;
        return project;
    }
}
