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

    /// <summary>
    /// Runs the service at a lower OS scheduling priority (<c>nice -n</c>, 1 to 19): AI work that streams for seconds
    /// yields the cores to the cheap routes' processes when both want them (issue 25). In Kubernetes the same intent is
    /// a lower PriorityClass (deploy/k8s/base/priority-classes.yaml). <c>--nice off</c> runs every service at priority 0.
    /// </summary>
    public static ProjectResource WithSchedulingNiceness(this ProjectResource project, int niceness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(niceness, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(niceness, 19);
        project.Niceness = niceness;
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
