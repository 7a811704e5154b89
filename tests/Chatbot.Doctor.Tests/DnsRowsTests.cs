using Chatbot.Doctor.Dns;

namespace Chatbot.Doctor.Tests;

/// <summary>The DNS rows against dnsmasq serving a good zone and a bad one (no DMARC, no CAA, a CNAME to a name that does not exist).</summary>
public sealed class DnsRowsTests
{
    private const string DkimKey = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7";

    private static readonly string[] Zones =
    [
        "--local=/good.test/", "--local=/bad.test/",
        "--txt-record=good.test,v=spf1 include:_spf.mail.example -all",
        $"--txt-record=default._domainkey.good.test,{DkimKey}",
        "--txt-record=_dmarc.good.test,v=DMARC1; p=quarantine; rua=mailto:dmarc@good.test",
        "--caa-record=good.test,0,issue,letsencrypt.org",
        "--host-record=chat.good.test,192.0.2.10", "--host-record=app.good.test,192.0.2.11", "--cname=www.good.test,app.good.test",
        "--txt-record=bad.test,v=spf1 include:_spf.mail.example -all",
        $"--txt-record=selector1._domainkey.bad.test,{DkimKey}",
        "--host-record=chat.bad.test,192.0.2.20",
        $"--dns-rr=www.bad.test,5,{DnsmasqServer.WireName("gone.bad.test")}",
    ];

    [Fact]
    public async Task A_good_zone_passes_every_dns_row()
    {
        using var dns = await DnsmasqServer.StartAsync(Zones);
        var results = await RunAsync(dns, "good.test");

        Assert.All(results, r => Assert.True(r.Status == CheckStatus.Pass, DoctorHarness.Describe(results)));
        Assert.Contains("default._domainkey.good.test", results.Row(DnsCheck.Dkim).Reason);
        Assert.Contains("letsencrypt.org", results.Row(DnsCheck.Caa).Reason);
        Assert.Contains("www.good.test → app.good.test", results.Row(DnsCheck.DanglingCname).Reason);
    }

    [Fact]
    public async Task A_zone_without_dmarc_or_caa_and_with_a_dangling_cname_fails_those_rows()
    {
        using var dns = await DnsmasqServer.StartAsync(Zones);
        var results = await RunAsync(dns, "bad.test");
        var report = DoctorHarness.Describe(results);

        Assert.True(results.Row(DnsCheck.Spf).Status == CheckStatus.Pass, report);
        Assert.True(results.Row(DnsCheck.Dkim).Status == CheckStatus.Pass, report); // found under the second usual selector
        Assert.True(results.Row(DnsCheck.Dmarc).Status == CheckStatus.Fail, report);
        Assert.True(results.Row(DnsCheck.Caa).Status == CheckStatus.Fail, report);
        var dangling = results.Row(DnsCheck.DanglingCname);
        Assert.True(dangling.Status == CheckStatus.Fail, report);
        Assert.Contains("www.bad.test → gone.bad.test (no such name)", dangling.Reason);
    }

    [Fact]
    public async Task A_loopback_origin_says_cannot_check_with_the_reason()
    {
        using var dns = await DnsmasqServer.StartAsync(Zones);
        var results = await new DnsCheck().RunAsync(Context("http://127.0.0.1:5080", null, dns), CancellationToken.None);

        Assert.All(results, r => Assert.Equal(CheckStatus.CannotCheck, r.Status));
        Assert.Contains("no public DNS zone", results.Row(DnsCheck.Caa).Reason);
    }

    private static async Task<IReadOnlyList<CheckResult>> RunAsync(DnsmasqServer dns, string domain) =>
        await new DnsCheck().RunAsync(Context($"https://chat.{domain}", domain, dns), CancellationToken.None);

    private static DoctorContext Context(string target, string? mailDomain, DnsmasqServer dns)
    {
        string[] args = mailDomain is null ? [target] : [target, "--mail-domain", mailDomain];
        var options = DoctorOptions.Parse(args, _ => null).Options!;
        return new DoctorContext(options, new HttpClient(), DoctorHarness.Resolver(dns.Endpoint));
    }
}
