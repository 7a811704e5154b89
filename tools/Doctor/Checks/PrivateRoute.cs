namespace Chatbot.Doctor.Checks;

/// <summary>A route that must refuse an anonymous caller, with where the doctor learned of it.</summary>
public sealed record PrivateRoute(string Method, string Template, string Source, IReadOnlySet<string> IntegerParameters)
{
    public string Key => $"{Method} {Template.TrimEnd('/')}";

    /// <summary>The path with a random id (or 1 for an integer) in each parameter: no real resource is named.</summary>
    public string Path() => System.Text.RegularExpressions.Regex.Replace(Template, @"\{(\*\*)?(\w+)[^}]*\}",
        m => IntegerParameters.Contains(m.Groups[2].Value) ? "1" : Guid.NewGuid().ToString());
}
