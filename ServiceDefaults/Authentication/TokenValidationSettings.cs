using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>Section <c>Identity</c> as seen by a service that validates tokens.</summary>
public sealed class TokenValidationSettings
{
    public const string SectionName = "Identity";

    /// <summary>Where the JWKS is fetched from. Default: the service-discovery address <c>services:identity:http:0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Expected <c>iss</c>. Default: the issuer the authority's discovery document publishes.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Whether the authority's metadata and JWKS must come over HTTPS. Default: yes, except in Development and for a
    /// loopback authority. A deployment that reaches identity over plain HTTP inside its own network (compose, a
    /// cluster's Service behind NetworkPolicies) sets <c>false</c>.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Expected <c>aud</c> of access tokens.</summary>
    [Required, MaxLength(200)]
    public string Audience { get; set; } = "chatbot-api";

    /// <summary>Clock skew allowed on <c>exp</c>/<c>nbf</c>; 30 s at most.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the JWKS is refreshed when nothing forces it (an unknown <c>kid</c> forces it sooner).</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
