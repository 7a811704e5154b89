using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chatbot.Load.Metrics;

/// <summary>Prints a result as a Markdown table and writes it as JSON (with command, machine and date).</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Table(ScenarioResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {result.Name}");
        foreach (var (phase, recorder) in result.Phases.Where(p => p.Recorder.Steps.Any()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\n{phase} ({recorder.Seconds:0.0} s)\n");
            text.AppendLine("| step | ok | errors | per s | p50 ms | p95 ms | p99 ms | max ms |");
            text.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var (name, s) in recorder.Steps)
            {
                var h = s.Latency;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {h.Count} | {s.Errors}{Kinds(s)} | {h.Count / recorder.Seconds:0.0} | {h.Percentile(50):0.0} | {h.Percentile(95):0.0} | {h.Percentile(99):0.0} | {h.MaxMilliseconds:0.0} |");
            }
        }
        if (result.Figures.Count > 0)
        {
            text.AppendLine();
            foreach (var (name, value) in result.Figures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value:0.###}");
            }
        }
        foreach (var table in result.Tables)
        {
            text.AppendLine().AppendLine(table);
        }
        foreach (var note in result.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- note: {note}");
        }
        text.AppendLine();
        foreach (var goal in result.Goals)
        {
            var verdict = goal.Passed switch { true => "PASS", false => "FAIL", null => "NOT MEASURED" };
            text.AppendLine(CultureInfo.InvariantCulture, $"{verdict}: {goal.Name}: {goal.Measured:0.##} {goal.Unit} (goal {goal.Comparison} {goal.Target:0.##} {goal.Unit})");
        }
        if (result.FailOnErrors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{(result.TotalErrors == 0 ? "PASS" : "FAIL")}: no errors ({result.TotalErrors} errors)");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"scenario {result.Name}: {(result.Passed ? "PASS" : "FAIL")}");
        return text.ToString();
    }

    public static object ToJson(ScenarioResult result) => new
    {
        scenario = result.Name,
        passed = result.Passed,
        phases = result.Phases.Select(p => new
        {
            phase = p.Phase,
            seconds = p.Recorder.Seconds,
            steps = p.Recorder.Steps.Select(s => new
            {
                step = s.Name,
                ok = s.Stats.Latency.Count,
                errors = s.Stats.Errors,
                errorKinds = s.Stats.ErrorKinds,
                perSecond = s.Stats.Latency.Count / p.Recorder.Seconds,
                p50 = s.Stats.Latency.Percentile(50),
                p95 = s.Stats.Latency.Percentile(95),
                p99 = s.Stats.Latency.Percentile(99),
                max = s.Stats.Latency.MaxMilliseconds,
                mean = s.Stats.Latency.MeanMilliseconds,
            }),
        }),
        figures = result.Figures,
        goals = result.Goals.Select(g => new { g.Name, g.Measured, g.Unit, g.Comparison, g.Target, g.Passed }),
        notes = result.Notes,
        tables = result.Tables,
    };

    /// <summary>Writes every result with the command line, the machine and the date.</summary>
    public static async Task WriteJsonAsync(string path, string[] args, string target, IEnumerable<ScenarioResult> results)
    {
        var document = new
        {
            command = "dotnet run --project benchmarks/Chatbot.Load -- " + string.Join(' ', args),
            dateUtc = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            machine = new
            {
                cores = Environment.ProcessorCount,
                os = Environment.OSVersion.VersionString,
                loadAverage = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "unknown",
            },
            target,
            scenarios = results.Select(ToJson),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
    }

    private static string Kinds(StepStats s) =>
        s.Errors == 0 ? "" : " (" + string.Join(", ", s.ErrorKinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}: {k.Value}")) + ")";
}
