using System.Globalization;
using System.Net;

namespace Chatbot.Doctor;

/// <summary>The command line: <c>chatbot-doctor https://chat.example.com [--json] [--admin-token …] [--mail-domain …] …</c>.</summary>
public sealed class DoctorOptions
{
    public const string AdminTokenVariable = "CHATBOT_DOCTOR_ADMIN_TOKEN";

    public static readonly string[] DefaultDkimSelectors = ["default", "selector1", "selector2", "google", "k1", "s1", "mail", "dkim"];

    public required Uri Target { get; init; }

    public bool Json { get; init; }

    /// <summary>A platform admin's bearer token: budgets and the admin rows. From the flag or <see cref="AdminTokenVariable"/>.</summary>
    public string? AdminToken { get; init; }

    /// <summary>The domain that sends the product's mail (verification, budget alerts); the target's host when not given.</summary>
    public required string MailDomain { get; init; }

    public IReadOnlyList<string> DkimSelectors { get; init; } = DefaultDkimSelectors;

    /// <summary>Production: send no burst of requests at all (the rate-limit rows say cannot-check).</summary>
    public bool SkipRateLimits { get; init; }

    /// <summary>At most this many requests per rate-limit row.</summary>
    public int RateLimitRequests { get; init; } = 40;

    /// <summary>The plain-http origin whose redirect is checked; the target's host on port 80 when not given.</summary>
    public Uri? HttpUrl { get; init; }

    /// <summary>Where <c>/health</c> and <c>/alive</c> are served when a management port keeps them off the public origin.</summary>
    public Uri? ManagementUrl { get; init; }

    /// <summary>Prometheus (or a compatible API) whose loaded alert rules the alerts row reads.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>A DNS server (<c>ip</c> or <c>ip:port</c>) instead of the system's resolvers.</summary>
    public IPEndPoint? DnsServer { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static string Usage =>
        """
        usage: chatbot-doctor <https://origin> [--json] [--admin-token <token>] [--mail-domain <domain>]
               [--dkim-selector <name>]... [--skip-rate-limits] [--rate-limit-requests <n>] [--http-url <url>] [--management-url <url>]
               [--prometheus-url <url>] [--dns-server <ip[:port]>] [--timeout <seconds>]
        exit codes: 0 no row failed, 1 a row failed, 2 bad arguments
        """;

    /// <summary>The options, or the message that names the bad argument.</summary>
    public static (DoctorOptions? Options, string? Error) Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        Uri? target = null;
        string? token = environment(AdminTokenVariable), mailDomain = null;
        Uri? management = null, prometheus = null, httpUrl = null;
        IPEndPoint? dns = null;
        var (json, skip, requests, timeout) = (false, false, 40, 10.0);
        var selectors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value");
            try
            {
                switch (arg)
                {
                    case "--json": json = true; break;
                    case "--skip-rate-limits": skip = true; break;
                    case "--admin-token": token = Value(); break;
                    case "--mail-domain": mailDomain = Value().TrimEnd('.'); break;
                    case "--dkim-selector": selectors.Add(Value()); break;
                    case "--rate-limit-requests": requests = Positive(arg, Value()); break;
                    case "--timeout": timeout = Positive(arg, Value()); break;
                    case "--http-url": httpUrl = Absolute(arg, Value()); break;
                    case "--management-url": management = Absolute(arg, Value()); break;
                    case "--prometheus-url": prometheus = Absolute(arg, Value()); break;
                    case "--dns-server":
                        dns = IPEndPoint.TryParse(Value(), out var endpoint) ? endpoint : throw new FormatException($"{arg}: not an ip or ip:port");
                        if (dns.Port == 0) dns.Port = 53;
                        break;
                    case "-h" or "--help": return (null, Usage);
                    default:
                        if (arg.StartsWith('-') || target is not null) return (null, $"unknown argument '{arg}'\n{Usage}");
                        target = Absolute("origin", arg);
                        break;
                }
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }
        if (target is null) return (null, $"the origin to check is missing\n{Usage}");
        return (new DoctorOptions
        {
            Target = target, Json = json, AdminToken = string.IsNullOrWhiteSpace(token) ? null : token,
            MailDomain = mailDomain ?? target.IdnHost, DkimSelectors = selectors.Count > 0 ? selectors : DefaultDkimSelectors,
            SkipRateLimits = skip, RateLimitRequests = requests, HttpUrl = httpUrl, ManagementUrl = management, PrometheusUrl = prometheus,
            DnsServer = dns, RequestTimeout = TimeSpan.FromSeconds(timeout),
        }, null);
    }

    private static Uri Absolute(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri : throw new FormatException($"{name}: '{value}' is not an http(s) URL");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{name}: '{value}' is not a positive number");
}
