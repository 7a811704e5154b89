using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// X-Forwarded-For/Proto honoured only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c> (IP addresses)
/// or <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. a pod network). Nothing listed: loopback in Development (the
/// AppHost's chat proxy), nobody elsewhere. A client that is not a listed
/// proxy cannot choose its own IP by sending the header.
/// </summary>
public static class ForwardedHeadersExtensions
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static TBuilder AddTrustedForwardedHeaders<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var configured = builder.Configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        var proxies = configured.Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => IPAddress.TryParse(p.Trim(), out var ip)
                ? ip
                : throw new InvalidOperationException($"{KnownProxiesKey} holds '{p}', which is not an IP address."))
            .ToList();
        var networks = (builder.Configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [])
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey} holds '{n}', which is not a CIDR network."))
            .ToList();
        if (proxies.Count == 0 && networks.Count == 0 && builder.Environment.IsDevelopment())
        {
            proxies = [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
                if (proxy.IsIPv4MappedToIPv6 is false && proxy.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    o.KnownProxies.Add(proxy.MapToIPv6());
                }
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
