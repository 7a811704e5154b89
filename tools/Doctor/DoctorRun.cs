using Chatbot.Doctor.Checks;
using Chatbot.Doctor.Dns;

namespace Chatbot.Doctor;

/// <summary>
/// Runs the checks concurrently, the rate-limit bursts after all others (so their windows do not answer the other rows
/// with 429), and returns one result per scorecard row in the order of <see cref="AllRows"/>: a check that throws or times out yields cannot-check rows with the reason,
/// never a missing row.
/// </summary>
public static class DoctorRun
{
    public static IReadOnlyList<IDoctorCheck> Checks() =>
    [
        new TransportCheck(), new SecurityHeadersCheck(), new CorsCheck(), new PrivateRoutesCheck(), new SecretsInPageCheck(),
        new InternalRoutesCheck(), new HealthCheck(), new OperationsCheck(), new DnsCheck(), new RateLimitCheck(),
    ];

    public static IReadOnlyList<ScorecardRow> AllRows => [.. Checks().SelectMany(c => c.Rows)];

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var checks = Checks();
        var bursts = checks.OfType<RateLimitCheck>().ToList();
        var first = await Task.WhenAll(checks.Except(bursts).Select(check => RunOneAsync(check, context, ct)));
        var last = await Task.WhenAll(bursts.Select(check => RunOneAsync(check, context, ct)));
        var byId = first.Concat(last).SelectMany(r => r).ToDictionary(r => r.Id);
        return [.. checks.SelectMany(c => c.Rows).Select(row => byId[row.Id])];
    }

    /// <summary>0 when no row failed, 1 otherwise.</summary>
    public static int ExitCode(IEnumerable<CheckResult> results) => results.Any(r => r.Status == CheckStatus.Fail) ? 1 : 0;

    private static async Task<IReadOnlyList<CheckResult>> RunOneAsync(IDoctorCheck check, DoctorContext context, CancellationToken ct)
    {
        IReadOnlyList<CheckResult> results;
        try
        {
            results = await check.RunAsync(context, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested) // a diagnostic reports every row: any failure is that row's reason
        {
            var reason = e switch
            {
                OperationCanceledException => $"no answer within {context.Options.RequestTimeout.TotalSeconds:0} s",
                HttpRequestException http => $"the request failed ({http.HttpRequestError}): {http.Message}",
                _ => $"{e.GetType().Name}: {e.Message}",
            };
            results = [.. check.Rows.Select(row => CheckResult.CannotCheck(row, reason))];
        }
        // Every row of the check gets exactly one result, whatever the check returned.
        return [.. check.Rows.Select(row => results.FirstOrDefault(r => r.Id == row.Id)
            ?? CheckResult.CannotCheck(row, "the check returned no result for this row (a doctor bug: please report it)"))];
    }
}
