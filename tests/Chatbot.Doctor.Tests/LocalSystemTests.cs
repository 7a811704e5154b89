using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.Doctor.Checks;
using Chatbot.Doctor.Dns;
using Chatbot.TestSupport;

namespace Chatbot.Doctor.Tests;

/// <summary>The doctor against the running local system: done within 30 s, every row reported, the observable ones right.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed partial class LocalSystemTests(LocalSystemFixture system)
{
    [Fact]
    public async Task The_doctor_reports_every_row_of_the_local_system_within_30_seconds()
    {
        using var origin = new HttpClient { BaseAddress = system.Origin };
        var admin = await PasswordSignIn.SignInAsync(origin, LocalSystemFixture.AdminEmail, LocalSystemFixture.AdminPassword);

        var clock = Stopwatch.StartNew();
        var results = await DoctorHarness.RunAsync([system.Origin.ToString(), "--admin-token", admin.AccessToken, "--rate-limit-requests", "160",
            "--management-url", system.App.GetManagementEndpoint("chat").ToString()]);
        clock.Stop();
        var report = DoctorHarness.Describe(results);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the doctor took {clock.Elapsed}:\n{report}");
        DoctorHarness.AssertEveryRowReported(results);
        // Local systems run on http: the HTTPS rows say so instead of crashing.
        Assert.True(results.Row(TransportCheck.Https).Status == CheckStatus.Fail, report);
        Assert.Contains("plain http", results.Row(TransportCheck.Https).Reason);
        Assert.True(results.Row(TransportCheck.Hsts).Status == CheckStatus.CannotCheck, report);
        Assert.True(results.Row(TransportCheck.Redirect).Status == CheckStatus.CannotCheck, report);
        Assert.True(results.Row(DnsCheck.Caa).Status == CheckStatus.CannotCheck, report);
        // What the system does right, the doctor sees.
        foreach (var row in new[] { SecurityHeadersCheck.Headers, SecurityHeadersCheck.Csp, CorsCheck.Cors, PrivateRoutesCheck.PrivateRoutes,
                     SecretsInPageCheck.Secrets, InternalRoutesCheck.Internal, InternalRoutesCheck.Metrics, HealthCheck.Health,
                     RateLimitCheck.Login, RateLimitCheck.SignUp, RateLimitCheck.Chat })
        {
            Assert.True(results.Row(row).Status == CheckStatus.Pass, $"{row.Id} did not pass:\n{report}");
        }
        Assert.NotEqual(CheckStatus.CannotCheck, results.Row(OperationsCheck.Budgets).Status); // the admin token was accepted
        // The local system's worker runs the provider simulator alone: no real provider, no fallback. The doctor says so.
        var fallback = results.Row(OperationsCheck.Fallback);
        Assert.True(fallback.Status == CheckStatus.Fail, report);
        Assert.Contains("only the provider simulator", fallback.Reason);
        Assert.Contains("Inference__Providers__1__", fallback.Fix);
        Assert.NotEqual(CheckStatus.CannotCheck, results.Row(OperationsCheck.Backup).Status); // reported by chat's readiness route
        Assert.DoesNotContain(admin.AccessToken, report);
    }

    [Fact]
    public async Task The_backup_row_fails_until_scripts_backup_sh_has_recorded_a_backup_and_needs_the_admin_token()
    {
        // Each step from an address of its own (TEST-NET-2): chat's per-IP window is the rate-limit rows' to exhaust.
        using var origin = new HttpClient(new ForwardedForHandler("198.51.100.10")) { BaseAddress = system.Origin };
        var admin = await PasswordSignIn.SignInAsync(origin, LocalSystemFixture.AdminEmail, LocalSystemFixture.AdminPassword);
        string[] quick = [system.Origin.ToString(), "--skip-rate-limits"];

        var anonymous = await DoctorHarness.RunAsync(quick, new ForwardedForHandler("198.51.100.11"));
        var before = await DoctorHarness.RunAsync([.. quick, "--admin-token", admin.AccessToken], new ForwardedForHandler("198.51.100.12"));
        var backup = await RunBackupAsync();
        var after = await DoctorHarness.RunAsync([.. quick, "--admin-token", admin.AccessToken], new ForwardedForHandler("198.51.100.13"));

        foreach (var row in new[] { OperationsCheck.Fallback, OperationsCheck.Backup })
        {
            Assert.Equal(CheckStatus.CannotCheck, anonymous.Row(row).Status);
            Assert.Contains("--admin-token", anonymous.Row(row).Reason);
        }
        Assert.True(before.Row(OperationsCheck.Backup).Status == CheckStatus.Fail, DoctorHarness.Describe(before));
        Assert.Contains("no backup is recorded", before.Row(OperationsCheck.Backup).Reason);
        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.True(after.Row(OperationsCheck.Backup).Status == CheckStatus.Pass, DoctorHarness.Describe(after));
        Assert.Contains("h ago", after.Row(OperationsCheck.Backup).Reason);
    }

    /// <summary>scripts/backup.sh as an operator runs it, against the local system's PostgreSQL (RabbitMQ's definitions skipped).</summary>
    private async Task<CommandResult> RunBackupAsync()
    {
        var server = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = await system.App.GetConnectionStringAsync("postgres") };
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Chatbot.Aspire.sln")))
        {
            root = root.Parent ?? throw new DirectoryNotFoundException("Chatbot.Aspire.sln not found");
        }
        var folder = Path.Combine(system.App.StateDirectory, $"backup-{Guid.NewGuid():N}");
        return await CommandRunner.RunAsync("bash", [Path.Combine(root.FullName, "scripts", "backup.sh"), folder], root.FullName, new Dictionary<string, string>
        {
            ["PGHOST"] = (string)server["Host"], ["PGPORT"] = Convert.ToString(server["Port"], System.Globalization.CultureInfo.InvariantCulture)!,
            ["PGUSER"] = (string)server["Username"], ["PGPASSWORD"] = (string)server["Password"],
        });
    }

    [Fact]
    public async Task The_forwarded_route_list_covers_every_signed_in_route_of_the_backends()
    {
        var listed = PublishedRoutes.Forwarded.ToHashSet(StringComparer.Ordinal);
        // Acting without a body, these are covered by their group's GET (PublishedRoutes says why).
        string[] coveredByTheirGroup = ["POST /api/billing/kill-switch", "DELETE /api/billing/kill-switch", "POST /api/admin/signing-keys/rotate"];
        var missing = new List<string>();
        foreach (var backend in LocalSystemFixture.Backends)
        {
            using var client = system.App.CreateHttpClient(backend);
            foreach (var route in (await client.GetFromJsonAsync<JsonElement>("/_diagnostics/routes")).EnumerateArray())
            {
                var pattern = Normalize(route.GetProperty("pattern").GetString()!);
                if (!route.GetProperty("requiresAuthorization").GetBoolean() || pattern.StartsWith("/internal/", StringComparison.Ordinal))
                {
                    continue; // anonymous by design, or service-to-service (not forwarded: the internal-routes row probes those)
                }
                foreach (var method in route.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!))
                {
                    var key = $"{method} {pattern}";
                    if (!listed.Contains(key) && !coveredByTheirGroup.Contains(key))
                    {
                        missing.Add($"{backend}: {key}");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, $"add to PublishedRoutes.Forwarded: {string.Join(", ", missing)}");
    }

    private static string Normalize(string pattern) => Constraint().Replace(pattern, "}").TrimEnd('/') is { Length: > 0 } p ? p : "/";

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}
