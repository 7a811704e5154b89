using Chatbot.TestSupport;

namespace Chatbot.Deploy.Tests;

/// <summary>Loads YAML documents (merge keys resolved, several documents per file) as dictionaries and lists.</summary>
internal static class YamlFiles
{
    public static List<Dictionary<object, object>> Load(string relative) => YamlDocuments.Load(RepoRoot.Of(relative));

    public static Dictionary<object, object> Map(object? value) => Assert.IsType<Dictionary<object, object>>(value);

    public static List<object> List(object? value) => value is null ? [] : Assert.IsType<List<object>>(value);

    public static string? Text(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value?.ToString() : null;
}
