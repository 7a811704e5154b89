using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Chatbot.Doctor.Dns;

/// <summary>
/// The mail domain's SPF, DKIM and DMARC (verification and budget-alert mails land in inboxes, not spam, and nobody
/// sends as you), CAA on the origin (which CAs may issue its certificate) and no CNAME that points at a name that no
/// longer exists (a subdomain takeover). The resolver is injected (<see cref="DoctorContext.Dns"/>).
/// </summary>
public sealed class DnsCheck : IDoctorCheck
{
    public static readonly ScorecardRow Spf = new("dns-spf", "SPF for the mail domain",
        "Publish one TXT record \"v=spf1 include:<your mail provider> -all\" at the mail domain.");

    public static readonly ScorecardRow Dkim = new("dns-dkim", "DKIM key for the mail domain",
        "Publish the DKIM key your mail provider gives at <selector>._domainkey.<mail domain> (pass --dkim-selector if yours is not a usual one).");

    public static readonly ScorecardRow Dmarc = new("dns-dmarc", "DMARC policy for the mail domain",
        "Publish TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@<domain>\" at _dmarc.<mail domain>.");

    public static readonly ScorecardRow Caa = new("dns-caa", "CAA names the CAs allowed to issue",
        "Publish CAA 0 issue \"<your CA, e.g. letsencrypt.org>\" at the origin's domain.");

    public static readonly ScorecardRow DanglingCname = new("dns-dangling-cname", "No dangling CNAME",
        "Delete the CNAME, or recreate what it points at (a dangling CNAME lets whoever claims that name serve your subdomain).");

    public IReadOnlyList<ScorecardRow> Rows => [Spf, Dkim, Dmarc, Caa, DanglingCname];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var host = context.Options.Target.IdnHost;
        var mail = context.Options.MailDomain;
        var dns = new Resolver(context.Dns, ct);
        if (!HasZone(host))
        {
            var why = $"{host} is a loopback name or an IP address: there is no public DNS zone to read (a local system; check the deployed domain)";
            return
            [
                .. (HasZone(mail) ? await MailRowsAsync(dns, mail, context.Options.DkimSelectors) : [.. Mail.Select(r => CheckResult.CannotCheck(r, why, "Pass --mail-domain <the domain your mails come from>."))]),
                CheckResult.CannotCheck(Caa, why), CheckResult.CannotCheck(DanglingCname, why),
            ];
        }
        return [.. await MailRowsAsync(dns, mail, context.Options.DkimSelectors), await CaaAsync(dns, host), await DanglingAsync(dns, [host, mail, $"www.{mail}"])];
    }

    private static readonly ScorecardRow[] Mail = [Spf, Dkim, Dmarc];

    private static bool HasZone(string host) =>
        !IPAddress.TryParse(host, out _) && host != "localhost" && !host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) && host.Contains('.');

    private static async Task<CheckResult[]> MailRowsAsync(Resolver dns, string domain, IReadOnlyList<string> selectors)
    {
        var spf = (await dns.TxtAsync(domain)).Where(t => t.StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase)).ToList();
        var spfRow = spf switch
        {
            [] => CheckResult.Fail(Spf, $"no \"v=spf1\" TXT record at {domain}"),
            [var one] when one.TrimEnd().EndsWith("+all", StringComparison.OrdinalIgnoreCase) => CheckResult.Fail(Spf, $"{domain}: \"{one}\" lets anyone send (+all)"),
            [var one] => CheckResult.Pass(Spf, $"{domain}: \"{one}\""),
            _ => CheckResult.Fail(Spf, $"{spf.Count} SPF records at {domain}: receivers treat more than one as an error (permerror)"),
        };
        CheckResult? dkimRow = null;
        foreach (var selector in selectors)
        {
            var key = (await dns.TxtAsync($"{selector}._domainkey.{domain}")).FirstOrDefault(t => t.Contains("p=", StringComparison.Ordinal));
            if (key is not null && !key.Replace(" ", "", StringComparison.Ordinal).Contains("p=;", StringComparison.Ordinal) && !key.TrimEnd().EndsWith("p=", StringComparison.Ordinal))
            {
                dkimRow = CheckResult.Pass(Dkim, $"a key at {selector}._domainkey.{domain}");
                break;
            }
        }
        dkimRow ??= CheckResult.Fail(Dkim, $"no DKIM key at {{{string.Join(",", selectors)}}}._domainkey.{domain}");
        var dmarc = (await dns.TxtAsync($"_dmarc.{domain}")).FirstOrDefault(t => t.StartsWith("v=DMARC1", StringComparison.OrdinalIgnoreCase));
        var dmarcRow = dmarc switch
        {
            null => CheckResult.Fail(Dmarc, $"no \"v=DMARC1\" TXT record at _dmarc.{domain}"),
            _ when !dmarc.Contains("p=", StringComparison.OrdinalIgnoreCase) => CheckResult.Fail(Dmarc, $"_dmarc.{domain} has no p= policy: \"{dmarc}\""),
            _ => CheckResult.Pass(Dmarc, $"_dmarc.{domain}: \"{dmarc}\""),
        };
        return [spfRow, dkimRow, dmarcRow];
    }

    /// <summary>CAA applies from the closest ancestor that has one (RFC 8659): walk up to the registrable part.</summary>
    private static async Task<CheckResult> CaaAsync(Resolver dns, string host)
    {
        var labels = host.TrimEnd('.').Split('.');
        for (var i = 0; i < labels.Length - 1; i++)
        {
            var name = string.Join('.', labels[i..]);
            var caa = await dns.CaaAsync(name);
            if (caa.Count > 0)
            {
                return CheckResult.Pass(Caa, $"{name}: {string.Join("; ", caa)}");
            }
        }
        return CheckResult.Fail(Caa, $"no CAA record at {host} or its parent domains: any CA may issue a certificate for it");
    }

    private static async Task<CheckResult> DanglingAsync(Resolver dns, IEnumerable<string> names)
    {
        var seen = new List<string>();
        var dangling = new List<string>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await dns.CnameAsync(name) is not { } target)
            {
                continue;
            }
            seen.Add($"{name} → {target}");
            if (!await dns.ExistsAsync(target))
            {
                dangling.Add($"{name} → {target} (no such name)");
            }
        }
        if (dangling.Count > 0)
        {
            return CheckResult.Fail(DanglingCname, string.Join("; ", dangling));
        }
        return CheckResult.Pass(DanglingCname, seen.Count == 0 ? "no CNAME at the origin or the mail domain" : $"every CNAME resolves: {string.Join("; ", seen)}");
    }

    /// <summary>The few queries the rows need, over the injected <see cref="IDnsQuery"/>.</summary>
    private sealed class Resolver(IDnsQuery dns, CancellationToken ct)
    {
        public async Task<List<string>> TxtAsync(string name) =>
            [.. (await dns.QueryAsync(name, QueryType.TXT, QueryClass.IN, ct)).Answers.TxtRecords().Select(r => string.Concat(r.Text))];

        public async Task<List<string>> CaaAsync(string name) =>
            [.. (await dns.QueryAsync(name, QueryType.CAA, QueryClass.IN, ct)).Answers.CaaRecords().Select(r => $"{r.Flags} {r.Tag} \"{r.Value}\"")];

        public async Task<string?> CnameAsync(string name) =>
            (await dns.QueryAsync(name, QueryType.CNAME, QueryClass.IN, ct)).Answers.CnameRecords()
                .FirstOrDefault(r => string.Equals(r.DomainName.Value.TrimEnd('.'), name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))?.CanonicalName.Value.TrimEnd('.');

        /// <summary>The name has an address or any record at all (not NXDOMAIN).</summary>
        public async Task<bool> ExistsAsync(string name)
        {
            var a = await dns.QueryAsync(name, QueryType.A, QueryClass.IN, ct);
            if (a.Answers.Count > 0) return true;
            var aaaa = await dns.QueryAsync(name, QueryType.AAAA, QueryClass.IN, ct);
            return aaaa.Answers.Count > 0 || a.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain; // SERVFAIL is not proof of absence
        }
    }
}
