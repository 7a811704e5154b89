using System.ComponentModel.DataAnnotations;

namespace Chatbot.Identity;

/// <summary>Section <c>Identity</c> of the identity service.</summary>
public sealed class IdentityServiceOptions
{
    public const string SectionName = "Identity";

    /// <summary>The fixed <c>iss</c> of every token. Default: the service's own first URL.</summary>
    [MaxLength(500)]
    public string? Issuer { get; set; }

    /// <summary>Base of links in e-mails (the public origin). Default: the issuer.</summary>
    [MaxLength(500)]
    public string? PublicBaseUrl { get; set; }

    [Required, MaxLength(200)]
    public string Audience { get; set; } = "chatbot-api";

    /// <summary>Default: true outside Development.</summary>
    public bool? RequireConfirmedEmail { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long one signing key signs before the next one takes over.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long before it starts signing the next key is already published, so validators have fetched it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SigningKeyPrePublish { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often a running instance checks whether a key must be created or retired.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SigningKeyCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}
