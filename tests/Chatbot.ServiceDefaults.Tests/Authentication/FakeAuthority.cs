using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.ServiceDefaults.Tests.Authentication;

/// <summary>A stand-in for identity: a discovery document and a JWKS with one RSA key, on a free loopback port.</summary>
public sealed class FakeAuthority : IAsyncDisposable
{
    public const string Issuer = "https://issuer.test/";
    public const string KeyId = "test-key-1";
    public RSA Key { get; } = RSA.Create(2048);
    public Uri Address { get; private set; } = null!;
    private int _jwksRequests;
    public int JwksRequests => Volatile.Read(ref _jwksRequests);
    private WebApplication _app = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var parameters = Key.ExportParameters(false);
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = "https://unreachable.invalid/.well-known/jwks",
        }));
        _app.MapGet("/.well-known/jwks", () => Interlocked.Increment(ref _jwksRequests) > 0 ? Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }) : Results.StatusCode(500));
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
