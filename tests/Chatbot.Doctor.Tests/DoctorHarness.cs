using System.Net;
using DnsClient;

namespace Chatbot.Doctor.Tests;

/// <summary>Runs the doctor in process against a target, with the HTTP handler and DNS server the test chooses.</summary>
public static class DoctorHarness
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string[] args, HttpMessageHandler? handler = null, IDnsQuery? dns = null)
    {
        var (options, error) = DoctorOptions.Parse(args, _ => null);
        Assert.True(options is not null, error);
        using var http = DoctorClients.Http(handler);
        var context = new DoctorContext(options, http, dns ?? DoctorClients.Dns(options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await DoctorRun.RunAsync(context, timeout.Token);
    }

    /// <summary>A resolver that only knows the test's DNS server.</summary>
    public static IDnsQuery Resolver(IPEndPoint server) => DoctorClients.Dns(DoctorOptions.Parse(["http://127.0.0.1", "--dns-server", server.ToString()], _ => null).Options!);

    public static CheckResult Row(this IReadOnlyList<CheckResult> results, ScorecardRow row) => Assert.Single(results, r => r.Id == row.Id);

    /// <summary>Every scorecard row once, each with a reason; a non-passing row names its fix.</summary>
    public static void AssertEveryRowReported(IReadOnlyList<CheckResult> results)
    {
        Assert.Equal(DoctorRun.AllRows.Select(r => r.Id), results.Select(r => r.Id));
        Assert.All(results, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Reason), r.Id);
            Assert.True(r.Status == CheckStatus.Pass || !string.IsNullOrWhiteSpace(r.Fix), $"{r.Id} has no fix");
        });
    }

    public static string Describe(IEnumerable<CheckResult> results) =>
        string.Join("\n", results.Select(r => $"{r.Id}: {r.Status}: {r.Reason}"));
}
