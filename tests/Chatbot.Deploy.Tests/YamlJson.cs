using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chatbot.Deploy.Tests;

/// <summary>YAML documents as JSON with YAML's own typing: a plain scalar that reads as a number or a boolean is one,
/// a quoted scalar is always a string (so a schema sees <c>value: "64"</c> and <c>value: 64</c> apart).</summary>
internal static class YamlJson
{
    public static List<JsonNode?> Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(RepoRoot.Of(relative));
        stream.Load(reader);
        return [.. stream.Documents.Where(d => d.RootNode is YamlMappingNode).Select(d => Convert(d.RootNode))];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, Convert(e.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
