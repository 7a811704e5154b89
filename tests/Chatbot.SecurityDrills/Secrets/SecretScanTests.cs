namespace Chatbot.SecurityDrills.Secrets;

/// <summary>
/// No credential in the repository (tracked files) or in the build output (bin/ of the services and the AppHost,
/// including appsettings*.json and our own assemblies), except the fake fixtures of <see cref="SecretAllowList"/>.
/// </summary>
public sealed class SecretScanTests
{
    [Fact]
    public void Tracked_files_hold_no_secret()
    {
        var files = RepositoryFiles.Tracked();
        Assert.True(files.Count > 100, $"only {files.Count} tracked files: is this a git checkout?");

        AssertNoFindings(Scan(files));
    }

    [Fact]
    public void Build_output_holds_no_secret()
    {
        var files = RepositoryFiles.BuildOutput();
        Assert.Contains(files, f => f.EndsWith("/appsettings.json", StringComparison.Ordinal) && f.Contains("services/Chat/bin/", StringComparison.Ordinal));

        AssertNoFindings(Scan(files));
    }

    [Fact]
    public void The_scanner_finds_each_kind_of_secret()
    {
        // Assembled at run time so this file itself holds no secret-shaped literal.
        string[] samples =
        [
            "-----BEGIN " + "RSA PRIVATE KEY-----", "sk-" + new string('a', 40), "sk-ant-api03-" + new string('b', 40),
            "AKIA" + "ABCDEFGHIJKLMNOP", "aws_secret_access_key = " + new string('c', 40), "ghp_" + new string('d', 36),
            "xoxb-" + "1234567890-abc", "https://hooks.slack.com/services/" + "T000/B000/XXXX",
            "eyJ" + new string('e', 12) + ".eyJ" + new string('f', 12) + "." + new string('g', 12),
            "cbk_" + new string('h', 30), "Host=db;Username=app;Pass" + "word=hunter22;", "amqp://user:" + "s3cret@rabbit:5672",
        ];
        var missed = samples.Where(s => !SecretPatterns.All.Any(p => p.Pattern.IsMatch(s))).ToList();
        Assert.Empty(missed);
        Assert.DoesNotContain(SecretPatterns.All, p => p.Pattern.IsMatch("Password={password};") || p.Pattern.IsMatch("amqp://guest:{pw}@host"));
    }

    [Fact]
    public void Every_allow_list_entry_is_still_needed()
    {
        var findings = Scan(RepositoryFiles.Tracked(), applyAllowList: false);

        var unused = SecretAllowList.Entries.Where(e => !findings.Any(f => e.Covers(f.File, f.Kind))).ToList();

        Assert.True(unused.Count == 0, "Remove these allow-list entries, nothing matches them any more:\n" + string.Join('\n', unused));
    }

    private static List<(string File, string Kind, string Excerpt)> Scan(IEnumerable<string> files, bool applyAllowList = true)
    {
        var findings = new List<(string, string, string)>();
        foreach (var file in files)
        {
            var text = RepositoryFiles.Read(file);
            foreach (var (kind, pattern) in SecretPatterns.All)
            {
                foreach (var match in pattern.Matches(text).Take(3))
                {
                    if (!applyAllowList || !SecretAllowList.Entries.Any(e => e.Covers(file, kind)))
                    {
                        findings.Add((file, kind, match.Value[..Math.Min(match.Value.Length, 12)] + "…"));
                    }
                }
            }
        }
        return findings;
    }

    private static void AssertNoFindings(List<(string File, string Kind, string Excerpt)> findings) =>
        Assert.True(findings.Count == 0, $"{findings.Count} secret-shaped strings (allow-list fake fixtures in SecretAllowList with a reason):\n"
            + string.Join('\n', findings.Select(f => $"{f.File}: {f.Kind}: {f.Excerpt}")));
}
