using System.Diagnostics;
using Chatbot.SecurityDrills.Secrets;

namespace Chatbot.SecurityDrills.Dependencies;

/// <summary>
/// The dependency audit for real: a throw-away project that imports the repository's Directory.Build.props and
/// Directory.Audit.props and references a package with a known advisory, against <see cref="FakeAuditSource"/>.
/// Restore must fail, and scripts/audit.sh must fail unless the allow-list accepts the advisory with a reason.
/// </summary>
public sealed class DependencyAuditTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chatbot-audit-").FullName;
    private FakeAuditSource _source = null!;

    public async Task InitializeAsync()
    {
        _source = await FakeAuditSource.StartAsync();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Audit.props" })
        {
            File.Copy(Path.Combine(RepositoryFiles.Root, file), Path.Combine(_dir, file));
        }
        await File.WriteAllTextAsync(Path.Combine(_dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
              <auditSources><clear /><add key="fake" value="{_source.IndexUrl}" allowInsecureConnections="true" /></auditSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(_dir, "Vulnerable.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageReference Include="{FakeAuditSource.VulnerablePackage}" Version="{FakeAuditSource.VulnerableVersion}" /></ItemGroup>
            </Project>
            """);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Restore_fails_on_a_known_vulnerable_package_with_the_repository_settings()
    {
        var (exitCode, output) = await RunAsync("dotnet", "restore Vulnerable.csproj");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error NU1903", output);
        Assert.Contains(FakeAuditSource.Advisory, output);
    }

    [Fact]
    public async Task The_audit_script_fails_on_an_advisory_and_passes_once_the_allow_list_accepts_it_with_a_reason()
    {
        var (failed, report) = await AuditAsync(null);
        var (passed, allowedReport) = await AuditAsync(
            $"""<NuGetAuditSuppress Include="{FakeAuditSource.Advisory}" Package="{FakeAuditSource.VulnerablePackage}" Reason="Test: the affected API is never called." />""");

        Assert.NotEqual(0, failed);
        Assert.Contains("vulnerable:", report);
        Assert.Contains(FakeAuditSource.Advisory, report);
        Assert.Equal(0, passed);
        Assert.Contains("allowed: " + FakeAuditSource.Advisory, allowedReport);
    }

    [Fact]
    public async Task An_allow_list_entry_without_a_reason_fails_the_audit()
    {
        var (exitCode, output) = await AuditAsync(
            $"""<NuGetAuditSuppress Include="{FakeAuditSource.Advisory}" Package="{FakeAuditSource.VulnerablePackage}" />""");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("has no Reason", output);
    }

    private async Task<(int ExitCode, string Output)> AuditAsync(string? entry)
    {
        var allowList = Path.Combine(_dir, $"allow-{Guid.NewGuid():N}.props");
        await File.WriteAllTextAsync(allowList, $"<Project><ItemGroup>{entry}</ItemGroup></Project>");
        return await RunAsync(Path.Combine(RepositoryFiles.Root, "scripts", "audit.sh"), "Vulnerable.csproj", ("AUDIT_ALLOWLIST", allowList));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
