using System.Text.RegularExpressions;

namespace Chatbot.Deploy.Tests;

/// <summary>The environment <c>deploy/compose.yaml</c> gives one service, with <c>${VAR}</c>, <c>${VAR:-default}</c> and
/// <c>${VAR:?message}</c> substituted from an env file's variables, as compose does.</summary>
internal static partial class ComposeEnvironment
{
    public const string File = "deploy/compose.yaml";

    public static Dictionary<object, object> Services() => YamlFiles.Map(YamlFiles.Load(File).Single()["services"]);

    public static Dictionary<string, string> For(string service, IReadOnlyDictionary<string, string> variables)
    {
        var definition = YamlFiles.Map(Services()[service]);
        return YamlFiles.Map(definition["environment"]).ToDictionary(
            e => (string)e.Key, e => Substitute(e.Value?.ToString() ?? string.Empty, variables));
    }

    public static string Substitute(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var found) && found.Length > 0;
            return match.Groups["op"].Value switch
            {
                ":-" => set ? found! : match.Groups["arg"].Value,
                ":?" => set ? found! : throw new InvalidOperationException($"compose requires {name}: {match.Groups["arg"].Value}"),
                _ => found ?? string.Empty,
            };
        });

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
