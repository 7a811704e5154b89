using System.Text.Json;
using Chatbot.Doctor.Checks;
using Chatbot.TestSupport;

namespace Chatbot.Doctor.Tests;

/// <summary>The doctor against a deliberately bad deployment: each of its faults fails its row, and the exit code is non-zero.</summary>
public sealed class BadAppTests
{
    [Fact]
    public async Task Each_fault_of_the_bad_app_fails_its_row()
    {
        await using var bad = await BadApp.StartAsync();
        var results = await DoctorHarness.RunAsync([bad.Https.ToString(), "--http-url", bad.Http.ToString(), "--skip-rate-limits", "--mail-domain", "localhost"],
            bad.TrustingHandler());
        var report = DoctorHarness.Describe(results);

        DoctorHarness.AssertEveryRowReported(results);
        Assert.True(results.Row(TransportCheck.Https).Status == CheckStatus.Pass, report); // its certificate is trusted here
        foreach (var row in new[] { TransportCheck.Hsts, TransportCheck.Redirect, CorsCheck.Cors, SecretsInPageCheck.Secrets,
                     InternalRoutesCheck.Metrics, PrivateRoutesCheck.PrivateRoutes, SecurityHeadersCheck.Headers, SecurityHeadersCheck.Csp })
        {
            Assert.True(results.Row(row).Status == CheckStatus.Fail, $"{row.Id} did not fail:\n{report}");
        }
        Assert.Contains("GET /api/conversations answered 200", results.Row(PrivateRoutesCheck.PrivateRoutes).Reason);
        Assert.Contains("stripe-secret-key in /app.js", results.Row(SecretsInPageCheck.Secrets).Reason);
        Assert.DoesNotContain(BadApp.LeakedKey, report); // the rule and the file, never the value
        Assert.Equal(1, DoctorRun.ExitCode(results));
    }

    [Fact]
    public async Task The_command_exits_non_zero_and_writes_json_rows_when_a_row_fails()
    {
        await using var bad = await BadApp.StartAsync();
        var doctor = Path.Combine(AppContext.BaseDirectory, "chatbot-doctor.dll");
        var run = await CommandRunner.RunAsync("dotnet", [doctor, bad.Http.ToString(), "--json", "--skip-rate-limits"], AppContext.BaseDirectory,
            timeout: TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}: {run.Error}");
        var json = JsonDocument.Parse(run.Output).RootElement;
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal(DoctorRun.AllRows.Select(r => r.Id).Order(), rows.Keys.Order());
        Assert.Equal("fail", rows[CorsCheck.Cors.Id]);
        Assert.Equal("fail", rows[TransportCheck.Https.Id]); // plain http
        Assert.Equal("cannot-check", rows[TransportCheck.Hsts.Id]);
        Assert.Equal("cannot-check", rows[RateLimitCheck.Login.Id]);
        Assert.True(json.GetProperty("failed").GetInt32() > 0);
    }

    [Fact]
    public async Task Bad_arguments_exit_with_2_and_name_the_argument()
    {
        var doctor = Path.Combine(AppContext.BaseDirectory, "chatbot-doctor.dll");
        var run = await CommandRunner.RunAsync("dotnet", [doctor, "chat.example.com"], AppContext.BaseDirectory, timeout: TimeSpan.FromMinutes(2));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'chat.example.com' is not an http(s) URL", run.Error);
    }
}
