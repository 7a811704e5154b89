using System.Text.RegularExpressions;

namespace Chatbot.SecurityDrills.Routes;

/// <summary>One endpoint of one service, as its route-table export describes it.</summary>
public sealed partial record ServiceRoute(string Service, string Method, string Pattern, string? DisplayName,
    bool RequiresAuthorization, string[] Policies, bool AcceptsJson)
{
    /// <summary>"service METHOD pattern": the key of the classification table.</summary>
    public string Key => $"{Service} {Method} {Pattern}";

    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Pattern).Select(m => m.Groups["name"].Value)];

    /// <summary>The concrete path, each parameter replaced by <paramref name="value"/>(name).</summary>
    public string PathWith(Func<string, string> value) =>
        ParameterPattern().Replace(Pattern, m => Uri.EscapeDataString(value(m.Groups["name"].Value)));

    public override string ToString() => Key;

    [GeneratedRegex(@"\{(\*\*)?(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();
}
