using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Chatbot.Deploy.Tests;

/// <summary>Loads YAML documents (merge keys resolved, several documents per file) as dictionaries and lists.</summary>
internal static class YamlFiles
{
    public static List<Dictionary<object, object>> Load(string relative)
    {
        using var reader = File.OpenText(RepoRoot.Of(relative));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<object>(parser) is Dictionary<object, object> document)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    public static Dictionary<object, object> Map(object? value) => Assert.IsType<Dictionary<object, object>>(value);

    public static List<object> List(object? value) => value is null ? [] : Assert.IsType<List<object>>(value);

    public static string? Text(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value?.ToString() : null;
}
