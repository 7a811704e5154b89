namespace Chatbot.Doctor;

/// <summary>One scorecard row's outcome: what was seen and, unless it passed, how to fix it.</summary>
public sealed record CheckResult(string Id, string Row, CheckStatus Status, string Reason, string? Fix = null)
{
    public static CheckResult Pass(ScorecardRow row, string reason) => new(row.Id, row.Title, CheckStatus.Pass, reason);

    public static CheckResult Fail(ScorecardRow row, string reason, string? fix = null) => new(row.Id, row.Title, CheckStatus.Fail, reason, fix ?? row.Fix);

    public static CheckResult CannotCheck(ScorecardRow row, string reason, string? fix = null) =>
        new(row.Id, row.Title, CheckStatus.CannotCheck, reason, fix ?? row.Fix);
}
