using System.Globalization;
using System.Text.Json;

namespace Chatbot.Doctor.Checks;

/// <summary>
/// The fallback-provider and recent-backup rows from chat's <c>GET /api/admin/readiness</c> (platform admin's token):
/// every live inference worker's provider chain, and the newest backup <c>scripts/backup.sh</c> recorded.
/// </summary>
public static class ReadinessRows
{
    public const string Path = "/api/admin/readiness";

    /// <summary>A backup older than this fails the row (a daily backup, with a few hours' slack).</summary>
    public static readonly TimeSpan MaxBackupAge = TimeSpan.FromHours(26);

    public static async Task<(CheckResult Fallback, CheckResult Backup)> CheckAsync(DoctorContext context, ScorecardRow fallback,
        ScorecardRow backup, CancellationToken ct)
    {
        if (context.Options.AdminToken is not { } token)
        {
            var reason = $"needs a platform admin's token (GET {Path}): --admin-token or {DoctorOptions.AdminTokenVariable}";
            return (CheckResult.CannotCheck(fallback, reason), CheckResult.CannotCheck(backup, reason));
        }
        var answer = await context.GetAsync(Path, ct, token);
        if (answer.Code != 200)
        {
            var reason = $"GET {Path} answered {answer.Code} to the admin token";
            const string fix = "Pass the bearer token of a platform admin (a fresh one: tokens expire) to a deployment that serves this route.";
            return (CheckResult.CannotCheck(fallback, reason, fix), CheckResult.CannotCheck(backup, reason, fix));
        }
        using var json = JsonDocument.Parse(answer.Body);
        return (FallbackRow(fallback, json.RootElement.GetProperty("inferenceWorkers")), BackupRow(backup, json.RootElement.GetProperty("lastBackup")));
    }

    private static CheckResult FallbackRow(ScorecardRow row, JsonElement workers)
    {
        var chains = workers.EnumerateArray().Select(w => w.GetProperty("providers").EnumerateArray()
            .Select(p => (Name: p.GetProperty("name").GetString()!, Kind: p.GetProperty("kind").GetString()!, Company: p.GetProperty("company").GetString()!))
            .ToList()).ToList();
        if (chains.Count == 0)
        {
            return CheckResult.CannotCheck(row, "no inference worker reported its provider chain in the last minutes (is one running?)",
                "Start the inference worker; it reports its chain to Redis every minute.");
        }
        var problems = new List<string>();
        var described = chains.Select(c => string.Join(" → ", c.Select(p => $"{p.Name} ({p.Company})"))).ToList();
        foreach (var (chain, text) in chains.Zip(described).DistinctBy(c => c.Second))
        {
            var real = chain.Where(p => p.Kind != "simulator").ToList();
            if (real.Count == 0)
            {
                problems.Add($"{text}: only the provider simulator, no real provider");
            }
            else if (real.Select(p => p.Company).Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
            {
                problems.Add($"{text}: no fallback of another company than {real[0].Company}");
            }
        }
        return problems.Count == 0
            ? CheckResult.Pass(row, $"{chains.Count} worker(s): {string.Join("; ", described.Distinct())}")
            : CheckResult.Fail(row, string.Join("; ", problems));
    }

    private static CheckResult BackupRow(ScorecardRow row, JsonElement last)
    {
        if (last.ValueKind == JsonValueKind.Null)
        {
            return CheckResult.Fail(row, "no backup is recorded (scripts/backup.sh records each finished backup in chatdb)");
        }
        var completed = last.GetProperty("completedAt").GetDateTimeOffset();
        var age = DateTimeOffset.UtcNow - completed;
        var when = $"newest backup {last.GetProperty("label").GetString()} finished {completed.ToString("u", CultureInfo.InvariantCulture)}, {age.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h ago";
        return age <= MaxBackupAge ? CheckResult.Pass(row, when) : CheckResult.Fail(row, $"{when} (older than {MaxBackupAge.TotalHours} h)");
    }
}
