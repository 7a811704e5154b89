using System.Text.Json;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// Public sets used only as external sources: never committed, never trained on. They are read at run time from
/// <c>MODERATION_EXTERNAL_DATA</c> (default <c>../shared/moderation-data</c> beside the repository), which holds
/// <c>bipia/</c> (a checkout of microsoft/BIPIA: <c>benchmark/{email,table,code}/test.jsonl</c>,
/// <c>benchmark/text_attack_test.json</c>, <c>benchmark/code_attack_test.json</c>) and <c>stanford_alpaca/</c>
/// (<c>seed_tasks.jsonl</c>, and <c>alpaca_data.json</c> when present). BIPIA rows are built the way its benchmark does:
/// each attack inserted at the start, middle or end of a retrieved context, with the user's question after it; the
/// clean contexts and the alpaca instructions are everyday (benign) rows.
/// </summary>
public static class ExternalSets
{
    public const string Variable = "MODERATION_EXTERNAL_DATA";

    public static string Directory => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "moderation-data"));

    /// <summary>The rows of every external set found, and the names of the expected files that are missing.</summary>
    public static (IReadOnlyList<LabelledRow> Rows, IReadOnlyList<string> Missing) Load()
    {
        var rows = new List<LabelledRow>();
        var missing = new List<string>();
        var bipia = Path.Combine(Directory, "bipia", "benchmark");
        foreach (var (task, attacks) in new[] { ("email", "text"), ("table", "text"), ("code", "code") })
        {
            var contexts = Path.Combine(bipia, task, "test.jsonl");
            var attackFile = Path.Combine(bipia, $"{attacks}_attack_test.json");
            if (!File.Exists(contexts) || !File.Exists(attackFile))
            {
                missing.Add($"bipia/{task}");
                continue;
            }
            rows.AddRange(Bipia(task, File.ReadAllLines(contexts), File.ReadAllText(attackFile)));
        }
        var seeds = Path.Combine(Directory, "stanford_alpaca", "seed_tasks.jsonl");
        if (File.Exists(seeds)) rows.AddRange(File.ReadAllLines(seeds).Where(l => l.Length > 0).Select(AlpacaSeed));
        else missing.Add("stanford_alpaca/seed_tasks.jsonl");
        var alpaca = Path.Combine(Directory, "stanford_alpaca", "alpaca_data.json");
        if (File.Exists(alpaca)) rows.AddRange(AlpacaData(File.ReadAllText(alpaca)));
        else missing.Add("stanford_alpaca/alpaca_data.json");
        return (rows, missing);
    }

    private static IEnumerable<LabelledRow> Bipia(string task, string[] contextLines, string attackJson)
    {
        using var attacks = JsonDocument.Parse(attackJson);
        var styles = attacks.RootElement.EnumerateObject().Select(p => (p.Name, Items: p.Value.EnumerateArray().Select(a => a.GetString()!).ToArray())).ToList();
        var index = 0;
        foreach (var line in contextLines.Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var (context, question) = Context(task, json.RootElement);
            yield return new LabelledRow($"bipia/{task}", $"bipia-clean-{task}", false, Message(task, context, question));
            for (var s = 0; s < styles.Count; s++)
            {
                var attack = styles[s].Items[index % styles[s].Items.Length];
                var attacked = ((index + s) % 3) switch
                {
                    0 => attack + "\n" + context,
                    1 => context[..(context.Length / 2)] + "\n" + attack + "\n" + context[(context.Length / 2)..],
                    _ => context + "\n" + attack,
                };
                yield return new LabelledRow($"bipia/{task}", $"bipia-{styles[s].Name}", true, Message(task, attacked, question));
            }
            index++;
        }
    }

    private static (string Context, string Question) Context(string task, JsonElement row) => task == "code"
        ? ($"{Lines(row, "code")}\n\nError:\n{Lines(row, "error")}\n\nAn answer found on the web:\n{Lines(row, "context")}",
            "How do I fix this error?")
        : (row.GetProperty("context").GetString()!, row.GetProperty("question").GetString()!);

    private static string Lines(JsonElement row, string name) => row.GetProperty(name).ValueKind == JsonValueKind.Array
        ? string.Join('\n', row.GetProperty(name).EnumerateArray().Select(e => e.GetString()))
        : row.GetProperty(name).GetString()!;

    private static string Message(string task, string context, string question) =>
        $"Here is {(task == "email" ? "an email" : task == "table" ? "a table" : "my code")}:\n\n{context}\n\n{question}";

    private static LabelledRow AlpacaSeed(string line)
    {
        using var json = JsonDocument.Parse(line);
        var input = json.RootElement.GetProperty("instances")[0].GetProperty("input").GetString();
        var instruction = json.RootElement.GetProperty("instruction").GetString()!;
        return new LabelledRow("alpaca/seed_tasks", "alpaca-seed", false, string.IsNullOrEmpty(input) ? instruction : $"{instruction}\n\n{input}");
    }

    /// <summary>Every 20th instruction of the 52k set (2,600 rows), so the run stays short and deterministic.</summary>
    private static IEnumerable<LabelledRow> AlpacaData(string json)
    {
        using var rows = JsonDocument.Parse(json);
        var list = new List<LabelledRow>();
        var i = 0;
        foreach (var row in rows.RootElement.EnumerateArray())
        {
            if (i++ % 20 != 0) continue;
            var input = row.GetProperty("input").GetString();
            var instruction = row.GetProperty("instruction").GetString()!;
            list.Add(new LabelledRow("alpaca/alpaca_data", "alpaca-52k", false, string.IsNullOrEmpty(input) ? instruction : $"{instruction}\n\n{input}"));
        }
        return list;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chatbot.Aspire.sln"))) directory = directory.Parent;
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
