using System.Globalization;
using System.Text.Json;

namespace Chatbot.Doctor.Checks;

/// <summary>
/// The rows only an operator can see: spend bounded on every plan (billing's admin route), a fallback provider of
/// another company and a recent backup (chat's <c>GET /api/admin/readiness</c>), all with <c>--admin-token</c>; alert
/// rules loaded with an Alertmanager attached (<c>--prometheus-url</c>).
/// </summary>
public sealed class OperationsCheck : IDoctorCheck
{
    public static readonly ScorecardRow Fallback = new("fallback-provider", "A fallback provider is configured",
        "Configure a real provider and a fallback of another company (Inference__Providers__0__*, Inference__Providers__1__*: services/InferenceWorker/README.md).");

    public static readonly ScorecardRow Budgets = new("budgets", "Budgets bound the spend of every plan",
        "Set MonthlyBudgetUsd (or a tenant token cap) on every plan: PUT /api/billing/plans/{tier} as platform admin.");

    public static readonly ScorecardRow Alerts = new("alerts", "Alert rules loaded and delivered (Prometheus, Alertmanager)",
        "Load deploy/monitoring's rules into Prometheus and point it at an Alertmanager with a receiver (docs/observability.md).");

    public static readonly ScorecardRow Backup = new("backup", "A recent database backup exists",
        "Run scripts/backup.sh on a schedule, at least daily (docs/deploy.md); it records each finished backup.");

    public IReadOnlyList<ScorecardRow> Rows => [Fallback, Budgets, Alerts, Backup];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var (fallback, backup) = await ReadinessRows.CheckAsync(context, Fallback, Backup, ct);
        return [fallback, await BudgetsAsync(context, ct), await AlertsAsync(context, ct), backup];
    }

    private static async Task<CheckResult> BudgetsAsync(DoctorContext context, CancellationToken ct)
    {
        if (context.Options.AdminToken is not { } token)
        {
            return CheckResult.CannotCheck(Budgets, "needs a platform admin's token: --admin-token or " + DoctorOptions.AdminTokenVariable);
        }
        var answer = await context.GetAsync("/api/billing/plans", ct, token);
        if (answer.Code != 200)
        {
            return CheckResult.CannotCheck(Budgets, $"GET /api/billing/plans answered {answer.Code} to the admin token",
                "Pass the bearer token of a platform admin (a fresh one: tokens expire).");
        }
        using var json = JsonDocument.Parse(answer.Body);
        var plans = json.RootElement.EnumerateArray().Select(p => (
            Tier: p.GetProperty("tier").GetString(),
            Budget: Number(p, "monthlyBudgetUsd"),
            Tokens: Number(p, "tenantTokensPerDay"))).ToList();
        var unbounded = plans.Where(p => p.Budget is null && p.Tokens is null).Select(p => p.Tier).ToList();
        if (plans.Count == 0)
        {
            return CheckResult.Fail(Budgets, "no plan is configured");
        }
        return unbounded.Count == 0
            ? CheckResult.Pass(Budgets, string.Join(", ", plans.Select(p => $"{p.Tier}: {(p.Budget is { } b ? $"${b.ToString(CultureInfo.InvariantCulture)}/month" : $"{p.Tokens} tokens/day")}")))
            : CheckResult.Fail(Budgets, $"plans with neither a monthly budget nor a tenant token cap (unbounded spend): {string.Join(", ", unbounded)}");
    }

    private static async Task<CheckResult> AlertsAsync(DoctorContext context, CancellationToken ct)
    {
        if (context.Options.PrometheusUrl is not { } prometheus)
        {
            return CheckResult.CannotCheck(Alerts, "needs the Prometheus that watches the deployment: --prometheus-url");
        }
        var rules = await context.SendAsync(HttpMethod.Get, new Uri(prometheus, "/api/v1/rules?type=alert"), ct);
        var managers = await context.SendAsync(HttpMethod.Get, new Uri(prometheus, "/api/v1/alertmanagers"), ct);
        if (rules.Code != 200 || managers.Code != 200)
        {
            return CheckResult.CannotCheck(Alerts, $"{prometheus.GetLeftPart(UriPartial.Authority)} answered {rules.Code} to /api/v1/rules and {managers.Code} to /api/v1/alertmanagers");
        }
        using var ruleJson = JsonDocument.Parse(rules.Body);
        using var managerJson = JsonDocument.Parse(managers.Body);
        var count = ruleJson.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("rules").GetArrayLength());
        var active = managerJson.RootElement.GetProperty("data").GetProperty("activeAlertmanagers").GetArrayLength();
        return count > 0 && active > 0
            ? CheckResult.Pass(Alerts, $"{count} alert rules loaded, {active} Alertmanager(s) attached")
            : CheckResult.Fail(Alerts, $"{count} alert rules loaded, {active} Alertmanager(s) attached");
    }

    private static decimal? Number(JsonElement plan, string name) =>
        plan.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
