using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Chatbot.TestSupport;

/// <summary>Loads a YAML file's documents (merge keys resolved, several documents per file) as dictionaries and lists.</summary>
public static class YamlDocuments
{
    public static List<Dictionary<object, object>> Load(string path)
    {
        using var reader = File.OpenText(path);
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
}
