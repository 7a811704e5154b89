using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>The committed evaluation sets, read once from <see cref="EvaluationOptions.ResolvedSetsPath"/> (<c>name.json</c>).</summary>
public sealed class EvaluationSetCatalog(IOptions<EvaluationOptions> options)
{
    public const string DefaultSet = "default";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lazy<IReadOnlyDictionary<string, EvaluationSet>> sets = new(() => Load(options.Value.ResolvedSetsPath));

    public EvaluationSet? Find(string? name) => sets.Value.GetValueOrDefault(name ?? DefaultSet);

    public IEnumerable<string> Names => sets.Value.Keys;

    private static IReadOnlyDictionary<string, EvaluationSet> Load(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json")
                .Select(f => JsonSerializer.Deserialize<EvaluationSet>(File.ReadAllText(f), Json)!)
                .Where(s => s.Cases is { Count: > 0 })
                .ToDictionary(s => s.Name, StringComparer.Ordinal)
            : new Dictionary<string, EvaluationSet>();
}
